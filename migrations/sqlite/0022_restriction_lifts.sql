-- BK-12: every lift of the no-show restriction, by whom and why (the console also writes the
-- audit log; the operator's CLI has no staff row, so this is where its reason is kept).
CREATE TABLE restriction_lifts (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    user_ref INTEGER NOT NULL REFERENCES users(id),
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    reason   TEXT NOT NULL
);
CREATE INDEX restriction_lifts_user ON restriction_lifts (user_ref, at);
