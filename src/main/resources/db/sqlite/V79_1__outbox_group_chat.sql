-- Outbox rows may also start a conversation of several people with a first message (kind GROUP_CHAT: recipient is
-- the first of them, payload {"people": [...], "message": {...}}): a new mentorship pair's group DM.
-- PostgreSQL swaps the CHECK constraint (db/postgresql/V79_1__outbox_group_chat.sql); SQLite cannot, so the table is
-- rebuilt exactly as in V74 (same columns, ids, sequence and indexes), with the longer list of kinds.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE outbox_unchecked AS SELECT * FROM outbox;
-- AUTOINCREMENT never hands out an id twice; its high-water mark survives the rebuild even if the newest rows are gone.
CREATE TABLE outbox_unchecked_sequence AS SELECT seq FROM sqlite_sequence WHERE name = 'outbox';
DROP TABLE outbox;

CREATE TABLE outbox (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    kind              TEXT    NOT NULL CONSTRAINT outbox_kind_known
                          CHECK (kind IN ('DIRECT', 'POST', 'UPDATE', 'FILE_DIRECT', 'FILE_POST', 'DELETE_FILE', 'GROUP_CHAT',
                                       'CHANNEL', 'ARCHIVE')),
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
