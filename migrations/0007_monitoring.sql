-- The monitoring report (/redazione/monitoraggio): indexes for its bounded queries, and the
-- reach counters, counted without any identifier.

-- Publications in a period; then, per item, its first publication and its retirements.
CREATE INDEX audit_by_action ON audit_log (action, kind, at);
CREATE INDEX audit_by_item_action ON audit_log (kind, item_id, action, at);
-- Opportunities open at a day's end: those whose deadline is not before it, or have none.
CREATE INDEX entries_by_deadline ON entries (kind, deadline);
-- Published items not reviewed for a while.
CREATE INDEX entries_by_status_update ON entries (status, updated_at);
-- Questions asked in a period.
CREATE INDEX questions_by_asked ON questions (asked_at);
-- Proposals submitted in a period, and whether their group had submitted before.
CREATE INDEX proposals_by_first_submission ON proposals (first_submitted_at);
CREATE INDEX proposals_by_account_first ON proposals (account_id, first_submitted_at);

-- Sync pulls per day (Italian day), one upsert per pull. No address, no user agent, no id of a
-- phone: a count, and the count of pulls from an empty store (`since=0`), which estimates
-- installs.
CREATE TABLE reach_daily (
    day         TEXT    PRIMARY KEY,
    pulls       INTEGER NOT NULL,
    first_pulls INTEGER NOT NULL
) STRICT;

-- Opportunities open at the end of each Italian day, per district, written by the daily cron
-- for the day before: the report's "open at the end of the month" reads one row per district
-- instead of every opportunity of the period.
CREATE TABLE open_daily (
    day      TEXT    NOT NULL,
    district TEXT    NOT NULL,
    open     INTEGER NOT NULL,
    PRIMARY KEY (day, district)
) STRICT;
