-- An outbox row's kind and status are names the code knows (dev.guildhall.outbox.OutboxKind and OutboxStatus), and
-- only those: the database refuses any other. These lists supersede the ones in V1's comments, which fell behind.
--   kind:   DIRECT (to a person), POST (in a channel), UPDATE (replaces the message of the row in updates_id),
--           FILE_DIRECT, FILE_POST (a file, its bytes in the payload), CHANNEL (creates a channel; recipient: the
--           first person invited), ARCHIVE (archives the channel in recipient)
--   status: PENDING, SENDING (claimed, being sent), DELIVERED, FAILED, SUPERSEDED (replaced or dropped unsent)
-- SQLite rebuilds the table to the same effect (db/sqlite/V71__outbox_kinds_and_statuses.sql). Adding a constraint
-- checks the rows already there: every kind and status the code ever wrote is in these lists.
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_known
    CHECK (kind IN ('DIRECT', 'POST', 'UPDATE', 'FILE_DIRECT', 'FILE_POST', 'CHANNEL', 'ARCHIVE'));
ALTER TABLE outbox ADD CONSTRAINT outbox_status_known
    CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED', 'FAILED', 'SUPERSEDED'));
