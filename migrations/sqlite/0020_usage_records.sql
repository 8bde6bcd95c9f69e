-- PV-1, PV-3: the usage record. Each `serve` process writes its own chain per JST day; each
-- entry stores the hash of the one before it, and the chain row keeps the head, so an edit,
-- deletion, insertion or reordering is reported by `madoguchi audit verify`. A day's chains
-- are purged whole after the retention period. No foreign keys: verify must see orphans.
CREATE TABLE usage_chains (
    id         TEXT PRIMARY KEY,
    day        TEXT NOT NULL,
    started_at TEXT NOT NULL,
    head_seq   INTEGER NOT NULL DEFAULT 0,
    head_hash  TEXT NOT NULL DEFAULT '',
    sealed_at  TEXT
);
CREATE INDEX usage_chains_day ON usage_chains (day);

CREATE TABLE usage_records (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    chain_id    TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    actor_kind  TEXT NOT NULL CHECK (actor_kind IN ('user', 'staff', 'visitor')),
    actor_ref   INTEGER,
    action      TEXT NOT NULL,
    outcome     INTEGER NOT NULL,
    client_addr TEXT NOT NULL,
    user_agent  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    UNIQUE (chain_id, seq)
);
CREATE INDEX usage_records_actor ON usage_records (actor_kind, actor_ref, at);
CREATE INDEX usage_records_at ON usage_records (at);

-- PV-2: every disclosure export, with the legal basis and the authority that asked.
CREATE TABLE disclosures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    staff_ref    INTEGER NOT NULL REFERENCES staff(id),
    legal_basis  TEXT NOT NULL,
    authority    TEXT NOT NULL,
    subject_ref  INTEGER,
    period_from  TEXT,
    period_until TEXT,
    format       TEXT NOT NULL CHECK (format IN ('csv', 'json')),
    rows         INTEGER NOT NULL
);
