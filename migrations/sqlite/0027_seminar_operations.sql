-- S11-1, SE-6 (issue 12): the office suspends a seminar's registrations (new ones are refused,
-- places are kept) or cancels it, each with a reason; every such change of a seminar, and a
-- move to another date or time, is kept as an event with its actor.
ALTER TABLE seminars ADD COLUMN suspended_at TEXT;
ALTER TABLE seminars ADD COLUMN suspend_reason TEXT NOT NULL DEFAULT '';
-- Whether those registered and waiting were told of the suspension (they are told of the
-- resumption then too).
ALTER TABLE seminars ADD COLUMN suspend_told BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE seminars ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
CREATE TABLE seminar_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    seminar_id INTEGER NOT NULL REFERENCES seminars(id),
    at         TEXT NOT NULL,
    what       TEXT NOT NULL CHECK (what IN ('cancelled', 'suspended', 'resumed', 'moved')),
    actor      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    -- A move: the start before it.
    moved_from TEXT
);
CREATE INDEX seminar_events_seminar ON seminar_events (seminar_id, id);
