-- BK-9: how to join a confirmed consultation. Shown on My Page only, never in mail or logs.
CREATE TABLE meeting_details (
    reservation_id BIGINT PRIMARY KEY REFERENCES reservations(id),
    app            TEXT NOT NULL,
    meeting_id     TEXT NOT NULL DEFAULT '',
    passkey        TEXT NOT NULL DEFAULT '',
    join_url       TEXT NOT NULL DEFAULT '',
    updated_at     TIMESTAMPTZ NOT NULL
);
