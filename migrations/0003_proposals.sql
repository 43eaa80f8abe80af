-- Proposals to calls for youth-led projects, their status timeline and the reviewers' scores.

-- One row per proposal: its latest revision. `id` is made on the group's phone; (id, revision)
-- makes submission idempotent, and `body_hash` tells a replay from a different body.
CREATE TABLE proposals (
    id                    TEXT    PRIMARY KEY,
    account_id            TEXT    NOT NULL REFERENCES accounts (id),
    call_id               TEXT    NOT NULL,
    protocol_seq          INTEGER NOT NULL UNIQUE,
    -- "PG-<year>-<seq>", given at the first submission and kept across revisions.
    protocol              TEXT    NOT NULL UNIQUE,
    revision              INTEGER NOT NULL CHECK (revision > 0),
    -- sito_core::proposal::ProposalBody as JSON.
    body                  TEXT    NOT NULL,
    body_hash             TEXT    NOT NULL,
    title                 TEXT    NOT NULL,
    group_name            TEXT    NOT NULL,
    -- Euro cents.
    total                 INTEGER NOT NULL,
    requested             INTEGER NOT NULL,
    -- The working status. Outcomes live in the decision columns and reach the group only once
    -- `decision_published_at` is set.
    status                TEXT    NOT NULL
        CHECK (status IN ('submitted', 'withdrawn', 'in_review', 'changes_requested')),
    first_submitted_at    TEXT    NOT NULL,
    submitted_at          TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL,
    decision              TEXT    CHECK (decision IN ('funded', 'not_funded')),
    decision_amount       INTEGER,
    decision_reasons      TEXT,
    decided_by            TEXT,
    decision_published_at TEXT
) STRICT;
CREATE INDEX proposals_by_account ON proposals (account_id, updated_at DESC);
CREATE INDEX proposals_by_call ON proposals (call_id, protocol_seq);

-- The status timeline. Events of decisions are written only when an editor publishes them.
CREATE TABLE proposal_events (
    id          INTEGER PRIMARY KEY,
    proposal_id TEXT    NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    revision    INTEGER,
    -- The reviewers' message (changes requested) or the reasons (not funded).
    message     TEXT,
    -- Euro cents granted (funded).
    amount      INTEGER,
    -- Who did it: the group, or a member of staff (never shown to the group).
    actor       TEXT    NOT NULL
) STRICT;
CREATE INDEX proposal_events_by_proposal ON proposal_events (proposal_id, id);

-- One reviewer's scores for one proposal: one score (0–10) per criterion of the call, in order.
CREATE TABLE reviews (
    proposal_id TEXT    NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    reviewer_id TEXT    NOT NULL REFERENCES accounts (id),
    reviewer    TEXT    NOT NULL,
    scores      TEXT    NOT NULL,
    -- Σ weight × score / 10, in hundredths of a point out of 100.
    weighted    INTEGER NOT NULL,
    comment     TEXT    NOT NULL,
    -- Private to the reviewer who wrote it.
    note        TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (proposal_id, reviewer_id)
) STRICT;
