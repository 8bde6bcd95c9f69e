-- Issue 18, IV-2 and IV-5 for selection days (管理選考): the employer's contact gets a
-- single-use, time-limited link to the day's list, stored by hash (as `room_guests`); the
-- first browser to use it is bound to it until it expires. Each time the list shows a job
-- seeker, a row here says what it showed, for "who viewed my data" (PV-4).
CREATE TABLE selection_links (
    id           BIGSERIAL PRIMARY KEY,
    day_id       BIGINT NOT NULL REFERENCES selection_days(id),
    token_hash   TEXT NOT NULL UNIQUE,
    issued_by    BIGINT NOT NULL REFERENCES staff(id),
    issued_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ,
    session_hash TEXT,
    CHECK (expires_at > issued_at)
);
CREATE INDEX selection_links_day ON selection_links (day_id);

CREATE TABLE selection_views (
    id           BIGSERIAL PRIMARY KEY,
    link_id      BIGINT NOT NULL REFERENCES selection_links(id),
    interview_id BIGINT NOT NULL REFERENCES interviews(id),
    user_ref     BIGINT NOT NULL REFERENCES users(id),
    at           TIMESTAMPTZ NOT NULL,
    shown        TEXT NOT NULL
);
CREATE INDEX selection_views_user ON selection_views (user_ref, at);
