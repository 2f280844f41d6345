-- Issue 19: the dispatcher and the scheduler look only at waiting rows, while delivered messages and finished tasks
-- pile up until the retention purge: partial indexes hold just the waiting rows, so they stay small and cheap to
-- keep current. The same statements serve SQLite and PostgreSQL.
DROP INDEX IF EXISTS outbox_due;
CREATE INDEX outbox_pending ON outbox (id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_sending ON outbox (claimed_at) WHERE status = 'SENDING';
CREATE INDEX outbox_failed ON outbox (id) WHERE status = 'FAILED';

DROP INDEX IF EXISTS scheduled_task_due;
CREATE INDEX scheduled_task_waiting ON scheduled_task (due_at, id) WHERE done_at IS NULL;
