-- What booking needs (rules AC-11, AC-12): the job-seeker registration and, for foreign
-- nationals other than special permanent residents, the residence status and period of stay.
ALTER TABLE users ADD COLUMN job_seeker_number TEXT;
ALTER TABLE users ADD COLUMN job_seeker_expires DATE;
ALTER TABLE users ADD COLUMN job_seeker_confirmed_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN booking_exempt BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN nationality TEXT NOT NULL DEFAULT 'japanese'
    CHECK (nationality IN ('japanese', 'special_permanent_resident', 'other'));
ALTER TABLE users ADD COLUMN residence_status TEXT;
ALTER TABLE users ADD COLUMN stay_until DATE;
