-- Accounts, sessions, the editorial desk, its audit log, and questions to the expert.

-- Everyone who signs in: staff (admin, editor, reviewer) and applicant groups (associations and
-- informal groups of young people). Passwords are PBKDF2-SHA256 strings
-- ("pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>", sito_core::account).
CREATE TABLE accounts (
    id             TEXT    PRIMARY KEY,
    email          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name           TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'applicant')),
    password       TEXT    NOT NULL,
    -- Applicant groups only: association | informal_group, district, contact person.
    group_kind     TEXT,
    district       TEXT,
    contact_person TEXT,
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at     TEXT    NOT NULL
) STRICT;

-- Opaque session tokens, stored only as their SHA-256 (hex).
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_account ON sessions (account_id);

-- Invitations by an administrator: a one-time token (stored hashed) to choose a password.
CREATE TABLE invitations (
    token_hash  TEXT PRIMARY KEY,
    email       TEXT NOT NULL COLLATE NOCASE,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer')),
    invited_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    accepted_at TEXT
) STRICT;

-- Fixed-window counters for sign-in and sign-up attempts (key = what is limited + who).
CREATE TABLE rate_limits (
    key          TEXT    PRIMARY KEY,
    window_start TEXT    NOT NULL,
    count        INTEGER NOT NULL
) STRICT;

-- The editors' working copy of every item: what they typed (Markdown), its status and schedule.
-- The feed (`content`) holds only what phones may see; publishing copies a rendered item there.
CREATE TABLE entries (
    kind        TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    version     INTEGER NOT NULL CHECK (version > 0),
    status      TEXT    NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'retired')),
    publish_at  TEXT,
    input       TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    -- Every text the editor typed, for the desk's full-text search.
    search_text TEXT    NOT NULL,
    district    TEXT,
    deadline    TEXT,
    -- The name shown as "published by" on the phones (the editor's organisation).
    publisher   TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    PRIMARY KEY (kind, id)
) STRICT;
CREATE INDEX entries_by_update ON entries (updated_at DESC);
CREATE INDEX entries_due ON entries (publish_at) WHERE status = 'scheduled';

-- Full-text search for the desk (title and the typed text), kept in step by triggers.
CREATE VIRTUAL TABLE entries_fts USING fts5 (
    kind UNINDEXED, id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (kind, id, title, body) VALUES (new.kind, new.id, new.title, new.search_text);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF search_text, title ON entries BEGIN
    DELETE FROM entries_fts WHERE kind = old.kind AND id = old.id;
    INSERT INTO entries_fts (kind, id, title, body) VALUES (new.kind, new.id, new.title, new.search_text);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    DELETE FROM entries_fts WHERE kind = old.kind AND id = old.id;
END;

-- Who changed what, when, with the state before and after (JSON, NULL when absent).
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    before     TEXT,
    after      TEXT
) STRICT;
CREATE INDEX audit_by_item ON audit_log (kind, item_id, seq);

-- "L'esperto risponde": questions from anyone, never public until an editor publishes an answer.
-- `id` is the phone's idempotency key; `code` is what the young person uses to follow it.
CREATE TABLE questions (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    topic       TEXT NOT NULL,
    text        TEXT NOT NULL,
    nickname    TEXT,
    status      TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'answered', 'published', 'declined')),
    assigned_to TEXT REFERENCES accounts (id),
    answer_md   TEXT,
    answered_by TEXT,
    asked_at    TEXT NOT NULL,
    answered_at TEXT,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX questions_by_status ON questions (status, asked_at);
