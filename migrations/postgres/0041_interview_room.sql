-- Issue 18, IV-3: the interview's built-in room. The job seeker's checklist (BK-14) is kept
-- on the interview, as on a reservation; a companion's single-use link for an interview
-- room is stored by hash, bound to the browser session that used it (as room_guests).
ALTER TABLE interviews ADD COLUMN checklist_at TIMESTAMPTZ;

CREATE TABLE interview_guests (
    id           BIGSERIAL PRIMARY KEY,
    interview_id BIGINT NOT NULL REFERENCES interviews(id),
    token_hash   TEXT NOT NULL UNIQUE,
    issued_by    BIGINT NOT NULL REFERENCES staff(id),
    issued_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ,
    session_hash TEXT
);
CREATE INDEX interview_guests_interview ON interview_guests (interview_id);
