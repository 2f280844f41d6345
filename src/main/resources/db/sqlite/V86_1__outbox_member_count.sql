-- Outbox rows may also ask the platform how many are in a channel (kind MEMBER_COUNT: recipient is the channel,
-- payload {}, the answer kept in message_ref): a live session's nudge threshold follows its audience.
-- PostgreSQL swaps the CHECK constraint (db/postgresql/V86_1__outbox_member_count.sql); SQLite cannot, so the table
-- is rebuilt as in V79_1 (same columns, ids and sequence), with the longer list of kinds.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE outbox_unchecked AS SELECT * FROM outbox;
-- AUTOINCREMENT never hands out an id twice; its high-water mark survives the rebuild even if the newest rows are gone.
CREATE TABLE outbox_unchecked_sequence AS SELECT seq FROM sqlite_sequence WHERE name = 'outbox';
DROP TABLE outbox;

CREATE TABLE outbox (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    kind              TEXT    NOT NULL CONSTRAINT outbox_kind_known
                          CHECK (kind IN ('DIRECT', 'POST', 'UPDATE', 'FILE_DIRECT', 'FILE_POST', 'DELETE_FILE', 'GROUP_CHAT',
                                       'CHANNEL', 'ARCHIVE', 'MEMBER_COUNT')),
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

-- The indexes V76 made (V79_1's rebuild, written before V76, brought back V1's outbox_due instead): the dispatcher
-- scans PENDING rows, reclaims stale SENDING ones, counts FAILED ones, and a purge looks up updates by original.
CREATE INDEX outbox_pending ON outbox (id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_sending ON outbox (claimed_at) WHERE status = 'SENDING';
CREATE INDEX outbox_failed ON outbox (id) WHERE status = 'FAILED';
CREATE INDEX outbox_updates ON outbox (updates_id);
CREATE UNIQUE INDEX outbox_batch_recipient ON outbox (batch_id, kind, recipient) WHERE batch_id IS NOT NULL;
