-- Issue 17 (national scale): a reservation keeps its consultation's start, copied from its
-- slot when it is booked or moved (a slot's start never changes), so the statistics and the
-- no-show sweep read reservations alone instead of probing a three-million-row `slots` for
-- each one. Every path that inserts a reservation or changes its slot writes it; a store
-- test checks that none differs from its slot's.
ALTER TABLE reservations ADD COLUMN starts_at TIMESTAMPTZ;
UPDATE reservations r SET starts_at = s.starts_at FROM slots s WHERE s.id = r.slot_id;
ALTER TABLE reservations ALTER COLUMN starts_at SET NOT NULL;
-- The no-show sweep (BK-11) every minute: confirmed, not joined, started. Only coming
-- consultations are in it, so it stays small however long the history grows.
CREATE INDEX reservations_no_show_due ON reservations (starts_at)
    WHERE state = 'confirmed' AND joined_at IS NULL;
