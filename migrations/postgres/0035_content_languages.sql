-- Issue 16, item 3: content in several languages. Notices, seminars (and company tours),
-- terms versions and offices may carry a text per language beside the Japanese one, which
-- stays in the existing columns as the original (for terms, the binding text). One child
-- table per kind rather than one generic table, so each text belongs to its row by a
-- foreign key (and goes with it), and the same columns in every table let one set of
-- queries serve all four: `title` (a notice's or seminar's title, an office's name; empty
-- for terms) and `body` (a notice's body, a seminar's description, the terms, an office's
-- address). `lang` is a language tag (`en`, `vi`, `pt-BR`, `zh-Hans`, `ja-x-easy`), never
-- `ja`: Japanese is the original.
CREATE TABLE notice_texts (
    notice_id BIGINT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    lang       TEXT NOT NULL CHECK (lang <> 'ja' AND length(lang) BETWEEN 2 AND 35 AND lang ~ '^[A-Za-z0-9-]+$'),
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT NOT NULL,
    CHECK (title <> '' OR body <> ''),
    PRIMARY KEY (notice_id, lang)
);
CREATE TABLE seminar_texts (
    seminar_id BIGINT NOT NULL REFERENCES seminars(id) ON DELETE CASCADE,
    lang       TEXT NOT NULL CHECK (lang <> 'ja' AND length(lang) BETWEEN 2 AND 35 AND lang ~ '^[A-Za-z0-9-]+$'),
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT NOT NULL,
    CHECK (title <> '' OR body <> ''),
    PRIMARY KEY (seminar_id, lang)
);
CREATE TABLE terms_texts (
    terms_id BIGINT NOT NULL REFERENCES terms_versions(id) ON DELETE CASCADE,
    lang       TEXT NOT NULL CHECK (lang <> 'ja' AND length(lang) BETWEEN 2 AND 35 AND lang ~ '^[A-Za-z0-9-]+$'),
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT NOT NULL,
    CHECK (title <> '' OR body <> ''),
    PRIMARY KEY (terms_id, lang)
);
CREATE TABLE office_texts (
    office_code TEXT NOT NULL REFERENCES offices(code) ON DELETE CASCADE,
    lang       TEXT NOT NULL CHECK (lang <> 'ja' AND length(lang) BETWEEN 2 AND 35 AND lang ~ '^[A-Za-z0-9-]+$'),
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT NOT NULL,
    CHECK (title <> '' OR body <> ''),
    PRIMARY KEY (office_code, lang)
);
