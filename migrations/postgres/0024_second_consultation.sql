-- BK-4, N12-2-1 ("ハローワークが別に定める場合を除き、１日１回"): staff may allow one person a
-- second consultation on one day, with a reason. The one-per-day index stays; it now covers
-- (user, day, day_seat), and a reservation may take day_seat 2 only with override_day set to
-- its day, which the foreign key ties to an override row for that user and day (triggers on
-- SQLite). So without an override the database refuses a second booking exactly as before,
-- and with one it admits exactly two: seat 1 and seat 2 are each unique per user and day.
CREATE TABLE day_overrides (
    user_ref   BIGINT NOT NULL REFERENCES users(id),
    local_date DATE NOT NULL,
    reason     TEXT NOT NULL,
    granted_by BIGINT NOT NULL REFERENCES staff(id),
    granted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_ref, local_date)
);
ALTER TABLE reservations ADD COLUMN day_seat INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reservations ADD COLUMN override_day DATE;
ALTER TABLE reservations ADD CONSTRAINT reservations_day_seat
    CHECK ((day_seat = 1 AND override_day IS NULL) OR (day_seat = 2 AND override_day = local_date));
ALTER TABLE reservations ADD CONSTRAINT reservations_second_needs_override
    FOREIGN KEY (user_ref, override_day) REFERENCES day_overrides (user_ref, local_date);
DROP INDEX reservations_one_per_day;
CREATE UNIQUE INDEX reservations_one_per_day ON reservations (user_ref, local_date, day_seat)
    WHERE state IN ('requested', 'confirmed', 'attended', 'no_show');
