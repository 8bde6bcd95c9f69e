-- Issue 15. MT-1: the apps each office uses per service, and the one its templates and new
-- seminars start from (at most one default per office and service, by a partial unique index).
-- An office with no rows for a service offers every app (offices from before this migration).
CREATE TABLE office_apps (
    office_code TEXT NOT NULL REFERENCES offices(code),
    service     TEXT NOT NULL CHECK (service IN ('consultation', 'seminar')),
    app         TEXT NOT NULL CHECK (app IN ('zoom', 'teleoffice', 'e_tumo', 'builtin')),
    is_default  BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (office_code, service, app)
);
CREATE UNIQUE INDEX office_apps_one_default ON office_apps (office_code, service) WHERE is_default;

-- MT-2: an office's Zoom Server-to-Server OAuth app. The client secret, the webhook secret
-- token and the cached access token are sealed with the operator key (XChaCha20-Poly1305,
-- `v1.` + base64 of nonce and ciphertext); only their last four characters are kept in clear
-- for the form.
CREATE TABLE zoom_accounts (
    office_code      TEXT PRIMARY KEY REFERENCES offices(code),
    account_id       TEXT NOT NULL,
    client_id        TEXT NOT NULL,
    client_secret    TEXT NOT NULL,
    secret_tail      TEXT NOT NULL,
    webhook_secret   TEXT NOT NULL,
    webhook_tail     TEXT NOT NULL,
    access_token     TEXT,
    token_expires_at TIMESTAMPTZ,
    updated_by       BIGINT NOT NULL REFERENCES staff(id),
    updated_at       TIMESTAMPTZ NOT NULL
);

-- MT-2: the Zoom meeting of a reservation, and the work still to do on it. A job round finds
-- what differs from the reservation (no meeting yet, a moved time: calendar_sequence, a
-- cancellation) and calls Zoom outside any booking transaction; a failure sets the next
-- attempt (back-off or Retry-After), and after the last one `gave_up_at` sends the counsellor
-- to hand entry. `locked_until` is the claim of one replica's round.
CREATE TABLE zoom_meetings (
    reservation_id  BIGINT PRIMARY KEY REFERENCES reservations(id),
    office_code     TEXT NOT NULL REFERENCES offices(code),
    meeting_id      TEXT,
    synced_sequence INTEGER,
    deleted_at      TIMESTAMPTZ,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ,
    gave_up_at      TIMESTAMPTZ,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX zoom_meetings_meeting ON zoom_meetings (meeting_id) WHERE meeting_id IS NOT NULL;

-- MT-2: the Zoom meeting of a `zoom` seminar, the same way: created when the seminar is,
-- patched when it moves (`synced_start` differs from its start), deleted when it is cancelled.
CREATE TABLE zoom_seminar_meetings (
    seminar_id      BIGINT PRIMARY KEY REFERENCES seminars(id),
    office_code     TEXT NOT NULL REFERENCES offices(code),
    meeting_id      TEXT,
    synced_start    TIMESTAMPTZ,
    deleted_at      TIMESTAMPTZ,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ,
    gave_up_at      TIMESTAMPTZ,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL
);

-- MT-2, BK-11: each webhook taken once; a replay is refused by this key.
CREATE TABLE zoom_webhook_events (
    office_code TEXT NOT NULL REFERENCES offices(code),
    event       TEXT NOT NULL,
    payload_id  TEXT NOT NULL,
    event_ts    BIGINT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (office_code, event, payload_id, event_ts)
);
