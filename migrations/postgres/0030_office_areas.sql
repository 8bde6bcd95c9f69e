-- Issue 13, item 1: finding one's office. Each office's 管轄 (the municipalities it serves),
-- by prefecture (its JIS X 0401 code, as office codes begin), municipality name, and
-- optionally the postal-code prefixes (3 to 7 digits) that part of it is known by; an empty
-- prefix means the municipality is found by name only. Loaded by `madoguchi office import`,
-- which replaces an office's rows with the file's, so a second run changes nothing.
CREATE TABLE office_areas (
    office_code   TEXT NOT NULL REFERENCES offices(code) ON DELETE CASCADE,
    prefecture    TEXT NOT NULL CHECK (prefecture ~ '^[0-9]{2}$'),
    municipality  TEXT NOT NULL CHECK (municipality <> ''),
    postal_prefix TEXT NOT NULL DEFAULT '' CHECK (postal_prefix = '' OR postal_prefix ~ '^[0-9]{3,7}$'),
    PRIMARY KEY (office_code, prefecture, municipality, postal_prefix)
);
CREATE INDEX office_areas_place ON office_areas (prefecture, municipality);
CREATE INDEX office_areas_postal ON office_areas (postal_prefix) WHERE postal_prefix <> '';

-- The office a job seeker chose as theirs (My Page); erased with the account (PV-6).
ALTER TABLE users ADD COLUMN home_office TEXT REFERENCES offices(code) ON DELETE SET NULL;
