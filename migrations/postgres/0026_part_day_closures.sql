-- TM-3 (issue 12): an office may close part of a day. The window is kept as instants (UTC,
-- like every other time), so the booking statement compares it with a slot's start and end
-- directly; NULL for both is the whole day. One closure per office and day stays the key: a
-- second closure on a day is refused (`already_closed`); staff lift the first to change it.
ALTER TABLE office_closures ADD COLUMN closed_from TIMESTAMPTZ;
ALTER TABLE office_closures ADD COLUMN closed_until TIMESTAMPTZ;
ALTER TABLE office_closures ADD CONSTRAINT office_closures_window
    CHECK ((closed_from IS NULL) = (closed_until IS NULL) AND (closed_from IS NULL OR closed_from < closed_until));
-- Who added it and when (the console lists them); NULL for the operator's CLI and for
-- closures added before this migration.
ALTER TABLE office_closures ADD COLUMN added_by_staff BIGINT REFERENCES staff(id);
ALTER TABLE office_closures ADD COLUMN added_at TIMESTAMPTZ;
