-- Job-seeker accounts (rules AC-1…AC-13). Personal data lives only here and is erased on
-- deletion (AC-9, PV-6); the row stays as an anonymous tombstone for statistics.
CREATE TABLE users (
    id                   BIGSERIAL PRIMARY KEY,
    user_id              TEXT NOT NULL,
    -- Lower-cased user ID: unique without regard to case (AC-2).
    user_key             TEXT NOT NULL UNIQUE,
    password_hash        TEXT NOT NULL,
    name                 TEXT NOT NULL,
    name_kana            TEXT NOT NULL,
    address              TEXT NOT NULL,
    email                TEXT NOT NULL,
    phone                TEXT NOT NULL,
    -- The language mail is written in: ja or en (NO-5).
    lang                 TEXT NOT NULL DEFAULT 'ja',
    -- provisional → active → deleted; locked and suspended are separate facts below.
    state                TEXT NOT NULL CHECK (state IN ('provisional', 'active', 'deleted')),
    created_at           TIMESTAMPTZ NOT NULL,
    verified_at          TIMESTAMPTZ,
    password_changed_at  TIMESTAMPTZ NOT NULL,
    last_sign_in_at      TIMESTAMPTZ,
    -- AC-8: locked by the user (or staff) until a reset.
    locked_at            TIMESTAMPTZ,
    -- AC-5: temporary lock after repeated failures.
    failures_locked_until TIMESTAMPTZ,
    deleted_at           TIMESTAMPTZ
);

-- Single-use links sent by email: verification, password reset, account lock.
-- Only the SHA-256 of the token is stored.
CREATE TABLE email_tokens (
    token_hash  TEXT PRIMARY KEY,
    user_ref    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'lock')),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX email_tokens_user ON email_tokens (user_ref, purpose);

-- Sign-in failures per account and per client address (AC-5).
CREATE TABLE sign_in_failures (
    id          BIGSERIAL PRIMARY KEY,
    user_key    TEXT NOT NULL,
    client_addr TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_failures_user ON sign_in_failures (user_key, at);
CREATE INDEX sign_in_failures_addr ON sign_in_failures (client_addr, at);

-- Server-side sessions so any replica serves any request (AC-6). Only the hash of the
-- cookie value is stored.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_ref     BIGINT REFERENCES users(id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_ref);

-- Terms consent history (AC-13).
CREATE TABLE terms_acceptances (
    id          BIGSERIAL PRIMARY KEY,
    user_ref    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    service     TEXT NOT NULL,
    version     TEXT NOT NULL,
    accepted_at TIMESTAMPTZ NOT NULL,
    client_addr TEXT NOT NULL
);

-- The My Page inbox: every message that was also emailed (NO-2).
CREATE TABLE inbox (
    id         BIGSERIAL PRIMARY KEY,
    user_ref   BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX inbox_user ON inbox (user_ref, id);
