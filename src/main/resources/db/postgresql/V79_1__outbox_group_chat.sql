-- Outbox rows may also start a conversation of several people with a first message (kind GROUP_CHAT: recipient is
-- the first of them, payload {"people": [...], "message": {...}}): a new mentorship pair's group DM.
-- SQLite rebuilds the table to the same effect (db/sqlite/V79_1__outbox_group_chat.sql).
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_known;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_known
    CHECK (kind IN ('DIRECT', 'POST', 'UPDATE', 'FILE_DIRECT', 'FILE_POST', 'DELETE_FILE', 'GROUP_CHAT', 'CHANNEL',
                    'ARCHIVE'));
