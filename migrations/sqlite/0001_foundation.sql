-- Offices, their weekly hours and their own closures (rules TM-2, TM-3).
CREATE TABLE offices (
    code     TEXT PRIMARY KEY CHECK (length(code) = 5),
    name_ja  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    address  TEXT NOT NULL DEFAULT '',
    phone    TEXT NOT NULL DEFAULT ''
);

-- weekday: 0 = Monday … 6 = Sunday. A missing row means closed that weekday.
CREATE TABLE office_hours (
    office_code TEXT NOT NULL REFERENCES offices(code) ON DELETE CASCADE,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens       TEXT NOT NULL,
    closes      TEXT NOT NULL CHECK (opens < closes),
    PRIMARY KEY (office_code, weekday)
);

CREATE TABLE office_closures (
    office_code TEXT NOT NULL REFERENCES offices(code) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (office_code, day)
);

-- One row per background job: the replica whose lease is current runs it.
CREATE TABLE job_leases (
    name       TEXT PRIMARY KEY,
    owner      TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Mail written in the same transaction as the change that causes it (rule NO-3).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    locked_until    TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    sent_at         TEXT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
