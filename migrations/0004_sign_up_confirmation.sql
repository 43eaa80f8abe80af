-- A group's sign-up waits for its e-mail: the account is made only from the link sent to the
-- address, so the answer to a sign-up never tells whether the address already had an account.
CREATE TABLE sign_ups (
    token_hash     TEXT PRIMARY KEY,
    email          TEXT NOT NULL COLLATE NOCASE,
    name           TEXT NOT NULL,
    -- The stored form of the chosen password (sito_core::account::PasswordHash).
    password       TEXT NOT NULL,
    group_kind     TEXT NOT NULL,
    district       TEXT NOT NULL,
    contact_person TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL
) STRICT;

-- Every message the worker sends, written in the same batch as what it tells of. Development
-- reads them here (README); a mail sender delivers them in production.
CREATE TABLE mail_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient  TEXT NOT NULL COLLATE NOCASE,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, id);
