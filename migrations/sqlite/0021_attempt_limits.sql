-- AC-5 and the registration limit: one row per limited key (`user:` and the user key of
-- `sign_in_failures`, `addr:` or `register:` and a client address). Every attempt first
-- takes its key's row with an upsert, so the attempts of one key are counted one after
-- another on any backend and replica, and a parallel burst cannot all see a count of zero.
-- `locked_until` is the 15-minute lock of AC-5, kept whether or not the user ID exists.
CREATE TABLE attempt_keys (
    key          TEXT PRIMARY KEY,
    locked_until TEXT,
    touched_at   TEXT NOT NULL
);
CREATE INDEX attempt_keys_touched ON attempt_keys (touched_at);

-- Registrations per client address: a row is written before the password is hashed and
-- removed again if the registration does not happen.
CREATE TABLE registration_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    client_addr TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX registration_attempts_addr ON registration_attempts (client_addr, at);

-- Rows of `sign_in_failures` are now written before the password is checked (a pending
-- attempt counts as a failure until it succeeds); the purge deletes them by age.
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
