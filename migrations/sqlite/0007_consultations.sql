-- Consultation slots and reservations (rules BK-1…BK-16). Invariants live here:
-- capacity is taken by a conditional UPDATE of `booked`, one consultation per user per
-- day is a partial unique index, and reservations are never deleted.
CREATE TABLE slots (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    office_code TEXT NOT NULL REFERENCES offices(code),
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    -- The JST date of starts_at: the "day" of BK-4.
    local_date  TEXT NOT NULL,
    app         TEXT NOT NULL CHECK (app IN ('zoom', 'teleoffice', 'e_tumo', 'builtin')),
    capacity    INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),
    booked      INTEGER NOT NULL DEFAULT 0,
    removed_at  TEXT,
    CHECK (booked >= 0 AND booked <= capacity)
);
CREATE INDEX slots_office_time ON slots (office_code, starts_at);

CREATE TABLE reservations (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    slot_id          INTEGER NOT NULL REFERENCES slots(id),
    user_ref         INTEGER NOT NULL REFERENCES users(id),
    office_code      TEXT NOT NULL,
    local_date       TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('requested', 'confirmed', 'attended', 'no_show',
                        'cancelled_by_user', 'cancelled_by_office', 'ended_by_office')),
    topic            TEXT NOT NULL DEFAULT '',
    verify_name      TEXT NOT NULL DEFAULT '',
    verify_number    TEXT NOT NULL DEFAULT '',
    companion        TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    state_changed_at TEXT NOT NULL,
    state_actor      TEXT NOT NULL
);
-- BK-4: at most one consultation per user per day, counting these states.
CREATE UNIQUE INDEX reservations_one_per_day ON reservations (user_ref, local_date)
    WHERE state IN ('requested', 'confirmed', 'attended', 'no_show');
CREATE INDEX reservations_slot ON reservations (slot_id);

-- BK-16: every state change with its time and actor.
CREATE TABLE reservation_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    reservation_id INTEGER NOT NULL REFERENCES reservations(id),
    at             TEXT NOT NULL,
    state          TEXT NOT NULL,
    actor          TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT ''
);
