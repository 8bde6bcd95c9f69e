-- BK-4, N12-2-1 ("ハローワークが別に定める場合を除き、１日１回"): staff may allow one person a
-- second consultation on one day, with a reason. The one-per-day index stays; it now covers
-- (user, day, day_seat), and a reservation may take day_seat 2 only while an override row for
-- that user and day exists (the triggers below; a foreign key on PostgreSQL). So without an
-- override the database refuses a second booking exactly as before, and with one it admits
-- exactly two: seat 1 and seat 2 are each unique per user and day.
CREATE TABLE day_overrides (
    user_ref   INTEGER NOT NULL REFERENCES users(id),
    local_date TEXT NOT NULL,
    reason     TEXT NOT NULL,
    granted_by INTEGER NOT NULL REFERENCES staff(id),
    granted_at TEXT NOT NULL,
    PRIMARY KEY (user_ref, local_date)
);
ALTER TABLE reservations ADD COLUMN day_seat INTEGER NOT NULL DEFAULT 1 CHECK (day_seat IN (1, 2));
DROP INDEX reservations_one_per_day;
CREATE UNIQUE INDEX reservations_one_per_day ON reservations (user_ref, local_date, day_seat)
    WHERE state IN ('requested', 'confirmed', 'attended', 'no_show');
CREATE TRIGGER reservations_second_needs_override BEFORE INSERT ON reservations
    WHEN NEW.day_seat <> 1 AND NOT EXISTS (SELECT 1 FROM day_overrides o
        WHERE o.user_ref = NEW.user_ref AND o.local_date = NEW.local_date)
BEGIN
    SELECT RAISE(ABORT, 'a second consultation that day needs a staff override (BK-4)');
END;
CREATE TRIGGER reservations_second_stays_overridden BEFORE UPDATE OF day_seat, user_ref, local_date ON reservations
    WHEN NEW.day_seat <> 1 AND NOT EXISTS (SELECT 1 FROM day_overrides o
        WHERE o.user_ref = NEW.user_ref AND o.local_date = NEW.local_date)
BEGIN
    SELECT RAISE(ABORT, 'a second consultation that day needs a staff override (BK-4)');
END;
CREATE TRIGGER day_overrides_kept_while_used BEFORE DELETE ON day_overrides
    WHEN EXISTS (SELECT 1 FROM reservations r
        WHERE r.user_ref = OLD.user_ref AND r.local_date = OLD.local_date AND r.day_seat = 2)
BEGIN
    SELECT RAISE(ABORT, 'this override carries a second consultation (BK-4)');
END;
CREATE TRIGGER day_overrides_keys_fixed BEFORE UPDATE OF user_ref, local_date ON day_overrides
BEGIN
    SELECT RAISE(ABORT, 'an override is for one person and day (BK-4)');
END;
