-- BK-3 per office: a stricter cut-off (bookings for day D close at the end of D - cutoff_days)
-- and a shorter horizon than the decided 30 days.
ALTER TABLE offices ADD COLUMN cutoff_days INTEGER NOT NULL DEFAULT 1 CHECK (cutoff_days BETWEEN 1 AND 14);
ALTER TABLE offices ADD COLUMN horizon_days INTEGER NOT NULL DEFAULT 30 CHECK (horizon_days BETWEEN 1 AND 30);
