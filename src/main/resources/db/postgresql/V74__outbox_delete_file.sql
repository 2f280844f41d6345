-- Outbox rows may also delete a file shared earlier (kind DELETE_FILE: recipient is the conversation it was shared
-- in, payload {"file": "<the ref sharing it returned>"}), when the person it concerns is forgotten.
-- SQLite rebuilds the table to the same effect (db/sqlite/V74__outbox_delete_file.sql).
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_known;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_known
    CHECK (kind IN ('DIRECT', 'POST', 'UPDATE', 'FILE_DIRECT', 'FILE_POST', 'DELETE_FILE', 'CHANNEL', 'ARCHIVE'));
