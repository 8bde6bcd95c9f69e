-- Issue 17 (national scale): a reservation keeps its consultation's start, copied from its
-- slot when it is booked or moved (a slot's start never changes), so the statistics and the
-- no-show sweep read reservations alone instead of probing `slots` for each one. Every path
-- that inserts a reservation or changes its slot writes it; a store test checks that none
-- differs from its slot's.
ALTER TABLE reservations ADD COLUMN starts_at TEXT;
UPDATE reservations SET starts_at = (SELECT s.starts_at FROM slots s WHERE s.id = reservations.slot_id);
-- SQLite cannot add a NOT NULL column without a default: these refuse a reservation without
-- its start, as PostgreSQL's NOT NULL does.
CREATE TRIGGER reservations_start_required BEFORE INSERT ON reservations WHEN NEW.starts_at IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a reservation records its start (reservations.starts_at)');
END;
CREATE TRIGGER reservations_start_kept BEFORE UPDATE OF starts_at ON reservations WHEN NEW.starts_at IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a reservation records its start (reservations.starts_at)');
END;
-- The no-show sweep (BK-11) every minute: confirmed, not joined, started. Only coming
-- consultations are in it, so it stays small however long the history grows.
CREATE INDEX reservations_no_show_due ON reservations (starts_at)
    WHERE state = 'confirmed' AND joined_at IS NULL;
