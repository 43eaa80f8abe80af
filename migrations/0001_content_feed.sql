-- Published content and its change feed (DESIGN.md "Sync protocol").
-- Every write bumps counters.change_seq in the same batch and stamps the row with it, so the
-- feed is "rows with seq > cursor, in seq order". Deletions stay as tombstones (deleted = 1,
-- body NULL) until purged; counters.purged_through remembers how far purging went.

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;

INSERT INTO counters (name, value) VALUES ('change_seq', 0), ('purged_through', 0);

CREATE TABLE content (
    kind       TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    version    INTEGER NOT NULL CHECK (version > 0),
    seq        INTEGER NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    body       TEXT,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (kind, id),
    CHECK ((deleted = 1 AND body IS NULL) OR (deleted = 0 AND body IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX content_by_seq ON content (seq);
