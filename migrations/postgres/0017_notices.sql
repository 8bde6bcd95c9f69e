-- NT-1: notices on the top page and in the Atom feed; national (office_code NULL) or one
-- office's. Planned maintenance carries its window, shown while the notice is published.
CREATE TABLE notices (
    id            BIGSERIAL PRIMARY KEY,
    office_code   TEXT REFERENCES offices(code),
    kind          TEXT NOT NULL CHECK (kind IN ('information', 'planned_maintenance', 'outage')),
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    publish_from  TIMESTAMPTZ NOT NULL,
    publish_until TIMESTAMPTZ,
    window_from   TIMESTAMPTZ,
    window_until  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    created_by    TEXT NOT NULL,
    CHECK (publish_until IS NULL OR publish_from < publish_until),
    CHECK (window_from IS NULL OR window_until IS NULL OR window_from < window_until)
);
CREATE INDEX notices_publish ON notices (publish_from);

-- NT-2: the maintenance switch lives here, so every replica sees it within seconds.
CREATE TABLE maintenance (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    mode       TEXT NOT NULL CHECK (mode IN ('open', 'read_only', 'closed')),
    notice_id  BIGINT REFERENCES notices(id),
    changed_at TIMESTAMPTZ,
    changed_by TEXT NOT NULL DEFAULT ''
);
INSERT INTO maintenance (id, mode) VALUES (1, 'open');
