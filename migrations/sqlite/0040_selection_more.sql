-- Issue 18, IV-2 and IV-5 for selection days (管理選考): the employer's contact gets a
-- single-use, time-limited link to the day's list, stored by hash (as `room_guests`); the
-- first browser to use it is bound to it until it expires. Each time the list shows a job
-- seeker, a row here says what it showed, for "who viewed my data" (PV-4).
CREATE TABLE selection_links (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    day_id       INTEGER NOT NULL REFERENCES selection_days(id),
    token_hash   TEXT NOT NULL UNIQUE,
    issued_by    INTEGER NOT NULL REFERENCES staff(id),
    issued_at    TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_at      TEXT,
    session_hash TEXT,
    CHECK (expires_at > issued_at)
);
CREATE INDEX selection_links_day ON selection_links (day_id);

CREATE TABLE selection_views (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    link_id      INTEGER NOT NULL REFERENCES selection_links(id),
    interview_id INTEGER NOT NULL REFERENCES interviews(id),
    user_ref     INTEGER NOT NULL REFERENCES users(id),
    at           TEXT NOT NULL,
    shown        TEXT NOT NULL
);
CREATE INDEX selection_views_user ON selection_views (user_ref, at);
