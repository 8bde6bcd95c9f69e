-- SE-1 with BK-9: how to join a seminar, entered by staff, shown on My Page only to those
-- registered, never in mail. Kept apart from the columns the public list reads.
ALTER TABLE seminars ADD COLUMN meeting_id TEXT NOT NULL DEFAULT '';
ALTER TABLE seminars ADD COLUMN passkey TEXT NOT NULL DEFAULT '';
ALTER TABLE seminars ADD COLUMN join_url TEXT NOT NULL DEFAULT '';
ALTER TABLE seminars ADD COLUMN meeting_set_at TEXT;
