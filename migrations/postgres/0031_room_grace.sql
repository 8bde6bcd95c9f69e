-- MT-3, issue 14: the grace period an office sets for its built-in rooms, in minutes after
-- the slot's end (0 to 60). NULL: the office has not chosen; `room.grace_minutes` in the
-- configuration applies (15 unless the operator changed it).
ALTER TABLE offices ADD COLUMN room_grace_minutes INTEGER CHECK (room_grace_minutes BETWEEN 0 AND 60);
