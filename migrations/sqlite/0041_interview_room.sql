-- Issue 18, IV-3: the interview's built-in room. The job seeker's checklist (BK-14) is kept
-- on the interview, as on a reservation; a companion's single-use link for an interview
-- room is stored by hash, bound to the browser session that used it (as room_guests).
ALTER TABLE interviews ADD COLUMN checklist_at TEXT;

CREATE TABLE interview_guests (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    interview_id INTEGER NOT NULL REFERENCES interviews(id),
    token_hash   TEXT NOT NULL UNIQUE,
    issued_by    INTEGER NOT NULL REFERENCES staff(id),
    issued_at    TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_at      TEXT,
    session_hash TEXT
);
CREATE INDEX interview_guests_interview ON interview_guests (interview_id);
