-- NO-1: the reminder the day before is sent once per reservation.
ALTER TABLE reservations ADD COLUMN reminded_at TEXT;
