-- The Informagiovani CV bank, by consent (core::bank). A profile holds what the young person
-- chose to send, the consent's very text, version and time, and expires 12 months after it was
-- sent or renewed: an expired profile is invisible to operators and deleted by the daily cron.
-- Deleting a profile deletes its views and proposals with it; the audit log keeps one line
-- without personal data.
CREATE TABLE bank_profiles (
    id               TEXT    PRIMARY KEY,  -- made on the phone: the outbox's idempotency key
    code             TEXT    NOT NULL UNIQUE,
    name             TEXT    NOT NULL,
    contact          TEXT    NOT NULL,
    profile          TEXT    NOT NULL,     -- core::matching::Profile as JSON
    cv               TEXT,                 -- JSON Resume, only if the young person ticked it
    -- What the operators' filters read, copied from `profile` at each write.
    district         TEXT,
    education        TEXT,
    available_from   TEXT,
    available_until  TEXT,
    consent_version  INTEGER NOT NULL,
    consent_text     TEXT    NOT NULL,
    consent_given_at TEXT    NOT NULL,
    stored_at        TEXT    NOT NULL,
    expires_at       TEXT    NOT NULL
) STRICT;

CREATE INDEX bank_profiles_by_expiry ON bank_profiles (expires_at);
CREATE INDEX bank_profiles_by_district ON bank_profiles (district, expires_at);

-- Full-text search on the skills: one row per profile, rewritten at each write.
CREATE VIRTUAL TABLE bank_skills USING fts5 (
    profile_id UNINDEXED,
    skills,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Every staff read of a profile, which the young person sees ("who looked at it and when").
CREATE TABLE bank_views (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    profile_id TEXT NOT NULL REFERENCES bank_profiles (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    account_id TEXT NOT NULL,
    by_name    TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('search', 'profile', 'contacts'))
) STRICT;

CREATE INDEX bank_views_by_profile ON bank_views (profile_id, seq);

-- An operator's proposal of an opportunity or invitation to a recruiting day. It travels to
-- the young person only (in their record), never in the public feed.
CREATE TABLE bank_proposals (
    id          TEXT PRIMARY KEY,  -- made by the desk: idempotency key
    profile_id  TEXT NOT NULL REFERENCES bank_profiles (id) ON DELETE CASCADE,
    account_id  TEXT NOT NULL,
    by_name     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('opportunity', 'recruiting_day')),
    item_id     TEXT NOT NULL,
    title       TEXT NOT NULL,
    message     TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    answered_at TEXT,
    slot        TEXT
) STRICT;

CREATE INDEX bank_proposals_by_profile ON bank_proposals (profile_id, sent_at);
CREATE INDEX bank_proposals_by_account ON bank_proposals (account_id, sent_at);
