-- Staff accounts (SPEC §1): roles, office scope, TOTP two-factor sign-in; the audit log of
-- every staff read of personal data and every staff action (PV-4).
CREATE TABLE staff (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id               TEXT NOT NULL,
    user_key              TEXT NOT NULL UNIQUE,
    password_hash         TEXT NOT NULL,
    name                  TEXT NOT NULL,
    role                  TEXT NOT NULL CHECK (role IN ('counsellor', 'office_admin', 'national_admin')),
    office_code           TEXT REFERENCES offices(code),
    totp_secret           TEXT NOT NULL,
    -- The last TOTP time step used: a code is accepted once (conditional update).
    last_totp_step        INTEGER NOT NULL DEFAULT -1,
    failures_locked_until TEXT,
    created_at            TEXT NOT NULL,
    -- Office staff belong to an office; national admins to none.
    CHECK ((role = 'national_admin') = (office_code IS NULL))
);

ALTER TABLE sessions ADD COLUMN staff_ref INTEGER REFERENCES staff(id) ON DELETE CASCADE;

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    staff_ref   INTEGER NOT NULL REFERENCES staff(id),
    action      TEXT NOT NULL,
    user_ref    INTEGER REFERENCES users(id),
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_user ON audit_log (user_ref, at);
