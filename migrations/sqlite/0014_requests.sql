-- BK-7: the request mode. Offices choose direct booking or requests; a request carries up to
-- three preferred times, and staff schedule one of them as a confirmed reservation.
ALTER TABLE offices ADD COLUMN booking_mode TEXT NOT NULL DEFAULT 'direct' CHECK (booking_mode IN ('direct', 'request'));
CREATE TABLE reservation_requests (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    user_ref       INTEGER NOT NULL REFERENCES users(id),
    office_code    TEXT NOT NULL REFERENCES offices(code),
    preferences    TEXT NOT NULL,
    topic          TEXT NOT NULL DEFAULT '',
    state          TEXT NOT NULL CHECK (state IN ('open', 'scheduled', 'declined', 'withdrawn')),
    reservation_id INTEGER REFERENCES reservations(id),
    created_at     TEXT NOT NULL,
    decided_at     TEXT,
    decided_by     TEXT
);
CREATE INDEX reservation_requests_open ON reservation_requests (office_code, state);
