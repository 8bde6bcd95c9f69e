-- BK-11: when the user joined (recorded by the counsellor, the meeting app or the built-in room).
ALTER TABLE reservations ADD COLUMN joined_at TIMESTAMPTZ;
-- BK-12: staff lifted the no-show restriction; no-shows before this no longer count.
ALTER TABLE users ADD COLUMN restriction_lifted_at TIMESTAMPTZ;
