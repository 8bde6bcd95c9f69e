-- Issue 13. BK-17 (N12-2-4): a reservation moves to another slot and keeps its id, so its
-- history (and a later cancellation) stays with it; each move is a reservation event that
-- names the slot it left. NO-4: the calendar entry of a reservation keeps one UID for its
-- whole life and its SEQUENCE rises with every change (a move, the cancellation). The UID
-- of reservations booked before this migration is the one their confirmation mail carried.
ALTER TABLE reservations ADD COLUMN calendar_uid TEXT;
ALTER TABLE reservations ADD COLUMN calendar_sequence INTEGER NOT NULL DEFAULT 0;
UPDATE reservations SET calendar_uid = 'slot-' || slot_id || '-user-' || user_ref || '@madoguchi';
ALTER TABLE reservation_events ADD COLUMN from_slot_id BIGINT REFERENCES slots(id);

-- AC-8: self-service password reset requests, counted per typed user ID (whether or not it
-- exists) and per client address before anything is sent. Each request first takes its
-- keys' rows in `attempt_keys` (`reset-user:`, `reset-addr:`), so a parallel burst is
-- counted one request after another on every backend and replica.
CREATE TABLE password_reset_requests (
    id          BIGSERIAL PRIMARY KEY,
    user_key    TEXT NOT NULL,
    client_addr TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX password_reset_requests_user ON password_reset_requests (user_key, at);
CREATE INDEX password_reset_requests_addr ON password_reset_requests (client_addr, at);
CREATE INDEX password_reset_requests_at ON password_reset_requests (at);
