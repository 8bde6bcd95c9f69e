-- Issue 17 (national scale: 544 offices, 2,000,000 accounts, a year of consultations): the
-- indexes the request paths need so none of them reads a whole table. Checked with EXPLAIN
-- (docs/performance.md, "National scale").
-- The counsellor's day and an office's statistics: an office's reservations by JST date.
CREATE INDEX reservations_office_day ON reservations (office_code, local_date);
-- My Page and the booking's no-show count: every reservation of one person (the one-per-day
-- index holds only the states that count for BK-4).
CREATE INDEX reservations_user ON reservations (user_ref);
-- Inactivity housekeeping (AC-10): active accounts not yet told, by when they were last used.
CREATE INDEX users_due_notice ON users ((COALESCE(last_sign_in_at, verified_at, created_at)))
    WHERE state = 'active' AND inactivity_notice_at IS NULL;
-- ... and those told, by when (deletion 30 days later).
CREATE INDEX users_noticed ON users (inactivity_notice_at)
    WHERE state = 'active' AND inactivity_notice_at IS NOT NULL;
-- My Page: a person's requests for a time (BK-7).
CREATE INDEX reservation_requests_user ON reservation_requests (user_ref);
