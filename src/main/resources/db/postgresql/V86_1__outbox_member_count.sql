-- Outbox rows may also ask the platform how many are in a channel (kind MEMBER_COUNT: recipient is the channel,
-- payload {}, the answer kept in message_ref): a live session's nudge threshold follows its audience.
-- SQLite rebuilds the table to the same effect (db/sqlite/V86_1__outbox_member_count.sql).
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_known;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_known
    CHECK (kind IN ('DIRECT', 'POST', 'UPDATE', 'FILE_DIRECT', 'FILE_POST', 'DELETE_FILE', 'GROUP_CHAT', 'CHANNEL',
                    'ARCHIVE', 'MEMBER_COUNT'));
