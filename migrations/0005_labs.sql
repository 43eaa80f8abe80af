-- Sign-ups for labs and seminars (content kind 'lab'). The server decides a place or the
-- waiting list in the one INSERT that stores the sign-up: D1 runs one statement (and one batch)
-- at a time, so racing requests can never give more places than the lab's maximum.
-- `arrival` orders a lab's sign-ups (1, 2, 3…): a waiting sign-up's number on the list is its
-- rank among the waiting ones, so promoting the first needs no renumbering.
CREATE TABLE lab_signups (
    id           TEXT    PRIMARY KEY,  -- made on the phone: the outbox's idempotency key
    lab_id       TEXT    NOT NULL,
    code         TEXT    NOT NULL UNIQUE,
    status       TEXT    NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    arrival      INTEGER NOT NULL,
    -- Personal details, set to NULL by the purge a set number of days after the last session.
    name         TEXT,
    contact      TEXT,
    age_band     TEXT    NOT NULL,
    attended     INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
    signed_up_at TEXT    NOT NULL,
    cancelled_at TEXT,
    UNIQUE (lab_id, arrival)
) STRICT;

CREATE INDEX lab_signups_by_status ON lab_signups (lab_id, status, arrival);

-- What the desk does to a lab beyond editing it: cancelled by the organiser (below the
-- minimum at closing), and when its sign-ups' personal details were deleted.
CREATE TABLE lab_state (
    lab_id       TEXT PRIMARY KEY,
    cancelled_at TEXT,
    purged_at    TEXT
) STRICT;
