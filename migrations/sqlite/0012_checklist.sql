-- BK-14: the user confirmed the environment checklist before joining.
ALTER TABLE reservations ADD COLUMN checklist_at TEXT;
