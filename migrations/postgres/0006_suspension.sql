-- BK-13, AC-12: staff suspend an account with a recorded reason; a suspended account cannot book.
ALTER TABLE users ADD COLUMN suspended_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN suspended_reason TEXT;
