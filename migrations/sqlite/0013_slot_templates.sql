-- BK-2: weekly templates per office (a desk or counsellor is a template row with capacity).
CREATE TABLE slot_templates (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    office_code TEXT NOT NULL REFERENCES offices(code),
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    starts      TEXT NOT NULL,
    app         TEXT NOT NULL CHECK (app IN ('zoom', 'teleoffice', 'e_tumo', 'builtin')),
    capacity    INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),
    created_at  TEXT NOT NULL
);
-- Publishing twice never makes the same template's slot twice.
ALTER TABLE slots ADD COLUMN template_id INTEGER REFERENCES slot_templates(id);
CREATE UNIQUE INDEX slots_from_template ON slots (template_id, starts_at) WHERE template_id IS NOT NULL;
