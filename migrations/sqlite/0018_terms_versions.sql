-- AC-13, NT-3: terms versioned per service, each with its text and the date it takes effect,
-- published before that date. Acceptances stay in terms_acceptances (service, version).
CREATE TABLE terms_versions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    service        TEXT NOT NULL CHECK (service IN ('consultation', 'seminar', 'system')),
    version        TEXT NOT NULL,
    body           TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    published_at   TEXT NOT NULL,
    published_by   TEXT NOT NULL,
    UNIQUE (service, version)
);
CREATE INDEX terms_versions_effective ON terms_versions (service, effective_from);
CREATE INDEX terms_acceptances_user ON terms_acceptances (user_ref, service, version);
