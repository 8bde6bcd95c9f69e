-- BK-7, C6-3: a declined request carries its reason, which the person is told.
ALTER TABLE reservation_requests ADD COLUMN decline_reason TEXT NOT NULL DEFAULT '';
-- N15, PV-6: the letter telling a person their registration was deleted is the one place
-- their address is kept after erasure; the outbox deletes it once it is sent.
ALTER TABLE outbox ADD COLUMN erase_when_sent BOOLEAN NOT NULL DEFAULT FALSE;
