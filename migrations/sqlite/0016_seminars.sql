-- SE-1…SE-5: seminars and company tours. `registered` and `waitlisted` are the counters every
-- change moves with a conditional update; the CHECKs make over-filling impossible (SE-2, SE-3).
CREATE TABLE seminars (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    office_code           TEXT NOT NULL REFERENCES offices(code),
    kind                  TEXT NOT NULL CHECK (kind IN ('seminar', 'company_tour')),
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    starts_at             TEXT NOT NULL,
    ends_at               TEXT NOT NULL,
    local_date            TEXT NOT NULL,
    app                   TEXT NOT NULL CHECK (app IN ('zoom', 'teleoffice', 'e_tumo', 'builtin')),
    recorded_with_consent BOOLEAN NOT NULL DEFAULT FALSE,
    -- SE-1: registration closes at this instant (default: the end of the previous day).
    cutoff_at             TEXT NOT NULL,
    capacity              INTEGER NOT NULL CHECK (capacity >= 1),
    registered            INTEGER NOT NULL DEFAULT 0,
    waitlist_limit        INTEGER NOT NULL DEFAULT 0 CHECK (waitlist_limit >= 0),
    waitlisted            INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT NOT NULL,
    created_by            TEXT NOT NULL,
    cancelled_at          TEXT,
    CHECK (registered >= 0 AND registered <= capacity),
    CHECK (waitlisted >= 0 AND waitlisted <= waitlist_limit),
    CHECK (starts_at < ends_at AND cutoff_at <= starts_at)
);
CREATE INDEX seminars_time ON seminars (starts_at);

-- SE-2: what a registration records (name, job-seeker number; the seminar's name and time
-- are the seminar row's). Waiting-list order is the id order.
CREATE TABLE seminar_registrations (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    seminar_id       INTEGER NOT NULL REFERENCES seminars(id),
    user_ref         INTEGER NOT NULL REFERENCES users(id),
    state            TEXT NOT NULL CHECK (state IN ('registered', 'waitlisted', 'attended', 'no_show',
                        'cancelled_by_user', 'removed_by_office', 'waitlist_closed')),
    verify_name      TEXT NOT NULL DEFAULT '',
    verify_number    TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    state_changed_at TEXT NOT NULL,
    state_actor      TEXT NOT NULL,
    joined_at        TEXT
);
-- One live registration per user and seminar.
CREATE UNIQUE INDEX seminar_registrations_once ON seminar_registrations (seminar_id, user_ref)
    WHERE state IN ('registered', 'waitlisted', 'attended', 'no_show');
CREATE INDEX seminar_registrations_queue ON seminar_registrations (seminar_id, state, id);
CREATE INDEX seminar_registrations_user ON seminar_registrations (user_ref);

-- BK-16 as SE-4 applies it: every change with its time, actor and reason.
CREATE TABLE seminar_registration_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id INTEGER NOT NULL REFERENCES seminar_registrations(id),
    at              TEXT NOT NULL,
    state           TEXT NOT NULL,
    actor           TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT ''
);
