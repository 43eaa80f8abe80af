-- Appointments at the desk: the staff role `operator`, slot series, their slots and bookings.

-- The role `operator` (Informagiovani and job-desk staff). SQLite cannot change a CHECK
-- constraint, so `accounts` and `invitations` are made again with the same rows. Dropping
-- `accounts` cascades to `sessions`, so the sessions are kept aside and put back: nobody is
-- signed out. The rows go back into a table named `accounts` (not one renamed to it), so the
-- deferred foreign keys of proposals, reviews and questions find their accounts again before
-- the migration ends.
PRAGMA defer_foreign_keys = on;

CREATE TABLE accounts_kept AS SELECT * FROM accounts;
CREATE TABLE sessions_kept AS SELECT * FROM sessions;
DROP TABLE accounts;
CREATE TABLE accounts (
    id             TEXT    PRIMARY KEY,
    email          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name           TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'applicant', 'operator')),
    password       TEXT    NOT NULL,
    -- Applicant groups only: association | informal_group, district, contact person.
    group_kind     TEXT,
    district       TEXT,
    contact_person TEXT,
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at     TEXT    NOT NULL
) STRICT;
INSERT INTO accounts (id, email, name, role, password, group_kind, district, contact_person,
    disabled, created_at)
    SELECT id, email, name, role, password, group_kind, district, contact_person, disabled,
        created_at FROM accounts_kept;
DROP TABLE accounts_kept;
INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
    SELECT token_hash, account_id, created_at, expires_at FROM sessions_kept;
DROP TABLE sessions_kept;

CREATE TABLE invitations_kept AS SELECT * FROM invitations;
DROP TABLE invitations;
CREATE TABLE invitations (
    token_hash  TEXT PRIMARY KEY,
    email       TEXT NOT NULL COLLATE NOCASE,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'operator')),
    invited_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    accepted_at TEXT
) STRICT;
INSERT INTO invitations (token_hash, email, name, role, invited_by, created_at, expires_at,
    accepted_at)
    SELECT token_hash, email, name, role, invited_by, created_at, expires_at, accepted_at
        FROM invitations_kept;
DROP TABLE invitations_kept;

-- A weekly opening as the desk typed it (sito_core::appointment::SeriesInput, JSON).
CREATE TABLE appointment_series (
    id          TEXT PRIMARY KEY,
    input       TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES accounts (id),
    created_at  TEXT NOT NULL
) STRICT;

-- One bookable slot. Public: nothing personal.
CREATE TABLE appointment_slots (
    id           TEXT    PRIMARY KEY,
    series_id    TEXT    NOT NULL REFERENCES appointment_series (id),
    topic        TEXT    NOT NULL CHECK (topic IN ('cv', 'job_search', 'volunteering', 'servizio_civile', 'starting_a_business')),
    starts_at    TEXT    NOT NULL,
    ends_at      TEXT    NOT NULL,
    mode         TEXT    NOT NULL CHECK (mode IN ('in_person', 'video_call')),
    place        TEXT    NOT NULL,
    cutoff_hours INTEGER NOT NULL CHECK (cutoff_hours >= 0)
) STRICT;
CREATE INDEX appointment_slots_by_start ON appointment_slots (starts_at, topic);

-- Bookings. `id` is the phone's idempotency key, `code` cancels. At most one booking of a slot
-- is `booked` (the partial unique index decides a race inside D1, in the insert itself).
-- `name`, `email` and `phone` are emptied (`purged_at`) PURGE_AFTER_DAYS after the slot.
CREATE TABLE appointments (
    id           TEXT    PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE,
    slot_id      TEXT    NOT NULL REFERENCES appointment_slots (id),
    status       TEXT    NOT NULL CHECK (status IN ('booked', 'cancelled')),
    name         TEXT,
    email        TEXT,
    phone        TEXT,
    booked_at    TEXT    NOT NULL,
    cancelled_at TEXT,
    attended     INTEGER CHECK (attended IN (0, 1)),
    purged_at    TEXT
) STRICT;
CREATE UNIQUE INDEX appointments_one_per_slot ON appointments (slot_id) WHERE status = 'booked';
CREATE INDEX appointments_by_slot ON appointments (slot_id);
