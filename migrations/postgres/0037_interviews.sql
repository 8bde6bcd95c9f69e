-- Issue 18, IV-1…IV-5: interviews between a job seeker and an employer, arranged by an
-- office, and 管理選考 selection days. This migration is the contract between the interview,
-- selection and room code: change it only with all three in view.

-- IV-2: a selection day an office runs for one employer, its interview slots, and the job
-- seekers referred to it (only they may book). Capacity is taken by a conditional UPDATE of
-- `booked` (as slots, BK-5); one interview per person and day by an index on `interviews`.
CREATE TABLE selection_days (
    id            BIGSERIAL PRIMARY KEY,
    office_code   TEXT NOT NULL REFERENCES offices(code),
    employer_name TEXT NOT NULL,
    contact_name  TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    job_number    TEXT NOT NULL,
    job_title     TEXT NOT NULL,
    local_date    DATE NOT NULL,
    app           TEXT NOT NULL CHECK (app IN ('builtin', 'zoom')),
    created_by    BIGINT NOT NULL REFERENCES staff(id),
    created_at    TIMESTAMPTZ NOT NULL,
    cancelled_at  TIMESTAMPTZ
);
CREATE INDEX selection_days_office ON selection_days (office_code, local_date);

CREATE TABLE selection_slots (
    id        BIGSERIAL PRIMARY KEY,
    day_id    BIGINT NOT NULL REFERENCES selection_days(id),
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at   TIMESTAMPTZ NOT NULL,
    capacity  INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),
    booked    INTEGER NOT NULL DEFAULT 0,
    CHECK (booked >= 0 AND booked <= capacity),
    CHECK (ends_at > starts_at)
);
CREATE INDEX selection_slots_day ON selection_slots (day_id, starts_at);

CREATE TABLE selection_referrals (
    day_id      BIGINT NOT NULL REFERENCES selection_days(id),
    user_ref    BIGINT NOT NULL REFERENCES users(id),
    referred_by BIGINT NOT NULL REFERENCES staff(id),
    referred_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (day_id, user_ref)
);
CREATE INDEX selection_referrals_user ON selection_referrals (user_ref);

-- IV-1: one interview. `state` is the job seeker's answer and the office's cancellation;
-- `outcome` (IV-4) is what the employer reported, with its date. The share_* flags (IV-5) are
-- what the job seeker agreed the employer may see for this interview; nothing else of the
-- job seeker's record reaches the employer. A selection-day booking (IV-2) is an interview
-- with its slot, accepted when booked.
CREATE TABLE interviews (
    id                 BIGSERIAL PRIMARY KEY,
    office_code        TEXT NOT NULL REFERENCES offices(code),
    user_ref           BIGINT NOT NULL REFERENCES users(id),
    employer_name      TEXT NOT NULL,
    contact_name       TEXT NOT NULL,
    contact_email      TEXT NOT NULL,
    job_number         TEXT NOT NULL,
    job_title          TEXT NOT NULL,
    starts_at          TIMESTAMPTZ NOT NULL,
    ends_at            TIMESTAMPTZ NOT NULL,
    local_date         DATE NOT NULL,
    app                TEXT NOT NULL CHECK (app IN ('builtin', 'zoom')),
    counsellor_attends BOOLEAN NOT NULL DEFAULT FALSE,
    state              TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'declined',
                           'cancelled_by_office', 'cancelled_by_user')),
    share_address      BOOLEAN NOT NULL DEFAULT FALSE,
    share_phone        BOOLEAN NOT NULL DEFAULT FALSE,
    share_number       BOOLEAN NOT NULL DEFAULT FALSE,
    outcome            TEXT CHECK (outcome IN ('hired', 'not_hired', 'in_progress', 'withdrawn')),
    outcome_on         DATE,
    selection_day_id   BIGINT REFERENCES selection_days(id),
    selection_slot_id  BIGINT REFERENCES selection_slots(id),
    seeker_joined_at   TIMESTAMPTZ,
    employer_joined_at TIMESTAMPTZ,
    arranged_by        BIGINT REFERENCES staff(id),
    created_at         TIMESTAMPTZ NOT NULL,
    state_changed_at   TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
    CHECK ((selection_slot_id IS NULL) = (selection_day_id IS NULL))
);
CREATE INDEX interviews_user ON interviews (user_ref);
CREATE INDEX interviews_office_day ON interviews (office_code, local_date);
-- IV-2: one interview per person per selection day, while it stands.
CREATE UNIQUE INDEX interviews_one_per_selection ON interviews (selection_day_id, user_ref)
    WHERE selection_day_id IS NOT NULL AND state IN ('proposed', 'accepted');

-- Every change of an interview with its time and actor (as BK-16 for consultations):
-- arranged, accepted, declined, cancelled, outcome, room_joined, room_left, link_issued …
CREATE TABLE interview_events (
    id           BIGSERIAL PRIMARY KEY,
    interview_id BIGINT NOT NULL REFERENCES interviews(id),
    at           TIMESTAMPTZ NOT NULL,
    kind         TEXT NOT NULL,
    actor        TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interview_events_interview ON interview_events (interview_id, id);

-- IV-1, IV-3: an employer representative's mailed link, stored by hash. Seat 1 or 2 (at most
-- two representatives, each with their own link); single use: `used_at` and the browser
-- session it was bound to. A reissued link revokes the seat's previous one.
CREATE TABLE interview_links (
    id           BIGSERIAL PRIMARY KEY,
    interview_id BIGINT NOT NULL REFERENCES interviews(id),
    seat         INTEGER NOT NULL CHECK (seat IN (1, 2)),
    rep_name     TEXT NOT NULL,
    rep_email    TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    issued_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ,
    session_hash TEXT,
    revoked_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX interview_links_seat ON interview_links (interview_id, seat) WHERE revoked_at IS NULL;

-- IV-5, PV-4: every time an employer's link showed the job seeker's data, and what it showed;
-- the job seeker's "who viewed my data" lists these beside staff views.
CREATE TABLE interview_views (
    id           BIGSERIAL PRIMARY KEY,
    interview_id BIGINT NOT NULL REFERENCES interviews(id),
    link_id      BIGINT NOT NULL REFERENCES interview_links(id),
    user_ref     BIGINT NOT NULL REFERENCES users(id),
    at           TIMESTAMPTZ NOT NULL,
    shown        TEXT NOT NULL
);
CREATE INDEX interview_views_user ON interview_views (user_ref, at);
