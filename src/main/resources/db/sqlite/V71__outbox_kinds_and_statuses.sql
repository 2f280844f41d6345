-- An outbox row's kind and status are names the code knows (dev.guildhall.outbox.OutboxKind and OutboxStatus), and
-- only those: the database refuses any other. These lists supersede the ones in V1's comments, which fell behind.
--   kind:   DIRECT (to a person), POST (in a channel), UPDATE (replaces the message of the row in updates_id),
--           FILE_DIRECT, FILE_POST (a file, its bytes in the payload), CHANNEL (creates a channel; recipient: the
--           first person invited), ARCHIVE (archives the channel in recipient)
--   status: PENDING, SENDING (claimed, being sent), DELIVERED, FAILED, SUPERSEDED (replaced or dropped unsent)
-- PostgreSQL adds the CHECK constraints to the table (db/postgresql/V71__outbox_kinds_and_statuses.sql).
--
-- SQLite cannot add a CHECK to a column, so the table is rebuilt: same columns in the same order, same ids, same
-- indexes. Other tables point at outbox ids; dropping the old table deletes their parents, which foreign keys allow
-- here only because they are deferred to the commit, by when the same ids are back. (Flyway runs this in one
-- transaction, inside which SQLite cannot switch foreign keys off.)
PRAGMA defer_foreign_keys = ON;

CREATE TABLE outbox_unchecked AS SELECT * FROM outbox;
-- AUTOINCREMENT never hands out an id twice; its high-water mark survives the rebuild even if the newest rows are gone.
CREATE TABLE outbox_unchecked_sequence AS SELECT seq FROM sqlite_sequence WHERE name = 'outbox';
DROP TABLE outbox;

CREATE TABLE outbox (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    kind              TEXT    NOT NULL CONSTRAINT outbox_kind_known
                          CHECK (kind IN ('DIRECT', 'POST', 'UPDATE', 'FILE_DIRECT', 'FILE_POST', 'CHANNEL', 'ARCHIVE')),
    recipient         TEXT,              -- person id or channel id; NULL for UPDATE
    updates_id        BIGINT REFERENCES outbox (id),
    payload           TEXT    NOT NULL,  -- the neutral message, file or channel request, as JSON
    status            TEXT    NOT NULL CONSTRAINT outbox_status_known
                          CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED', 'FAILED', 'SUPERSEDED')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   BIGINT  NOT NULL,
    created_at        BIGINT  NOT NULL,
    delivered_at      BIGINT,
    message_ref       TEXT,
    last_error        TEXT,
    batch_id          BIGINT REFERENCES outbox_batch (id),
    claimed_by        TEXT,
    claimed_at        BIGINT,
    follow_up_task    TEXT,
    follow_up_subject BIGINT
);
INSERT INTO outbox (id, kind, recipient, updates_id, payload, status, attempts, next_attempt_at, created_at,
                    delivered_at, message_ref, last_error, batch_id, claimed_by, claimed_at, follow_up_task,
                    follow_up_subject)
SELECT id, kind, recipient, updates_id, payload, status, attempts, next_attempt_at, created_at, delivered_at,
       message_ref, last_error, batch_id, claimed_by, claimed_at, follow_up_task, follow_up_subject
FROM outbox_unchecked ORDER BY id;

UPDATE sqlite_sequence SET seq = (SELECT seq FROM outbox_unchecked_sequence)
WHERE name = 'outbox' AND seq < (SELECT seq FROM outbox_unchecked_sequence);
INSERT INTO sqlite_sequence (name, seq)
SELECT 'outbox', seq FROM outbox_unchecked_sequence
WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox');
DROP TABLE outbox_unchecked_sequence;
DROP TABLE outbox_unchecked;

CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);
CREATE UNIQUE INDEX outbox_batch_recipient ON outbox (batch_id, kind, recipient) WHERE batch_id IS NOT NULL;
