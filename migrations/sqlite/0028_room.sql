-- MT-3, issue 14: the built-in room. A companion's single-use link (stored by hash, as every
-- emailed or handed-out token is) and the anonymous session that used it. Attendance is
-- written to reservation_events (room_waiting, room_joined, room_left, room_rejoined,
-- room_ended) and reservations.joined_at, the same column staff set by hand (BK-11).
CREATE TABLE room_guests (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    reservation_id INTEGER NOT NULL REFERENCES reservations(id),
    token_hash     TEXT NOT NULL UNIQUE,
    issued_by      INTEGER NOT NULL REFERENCES staff(id),
    issued_at      TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    used_at        TEXT,
    session_hash   TEXT
);
CREATE INDEX room_guests_reservation ON room_guests (reservation_id);
CREATE INDEX reservation_events_room ON reservation_events (reservation_id, id);
-- Signalling messages too large for a PostgreSQL NOTIFY payload (8000 bytes) wait here a
-- moment for the other replicas; unused on SQLite, where signalling stays in process.
CREATE TABLE room_relay (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
