-- Issue 19: the dispatcher and the scheduler look only at waiting rows, while delivered messages and finished tasks
-- pile up until the retention purge: partial indexes hold just the waiting rows, so they stay small and cheap to
-- keep current. The same statements serve SQLite and PostgreSQL.
DROP INDEX IF EXISTS outbox_due;
CREATE INDEX outbox_pending ON outbox (id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_sending ON outbox (claimed_at) WHERE status = 'SENDING';
CREATE INDEX outbox_failed ON outbox (id) WHERE status = 'FAILED';

DROP INDEX IF EXISTS scheduled_task_due;
CREATE INDEX scheduled_task_waiting ON scheduled_task (due_at, id) WHERE done_at IS NULL;

-- Deleting an outbox row makes the database look for rows still referring to it, in every column with a foreign key
-- to it: without an index that is a scan of the referring table per deleted row, and the long run's purge (2,000
-- rows at a time) held the writer for seconds.
CREATE INDEX outbox_updates ON outbox (updates_id);
CREATE INDEX outbox_batch_progress ON outbox_batch (progress_id);
CREATE INDEX mentorship_match_proposal_message ON mentorship_match (proposal_message_id);
CREATE INDEX live_session_board_message ON live_session (board_message_id);
CREATE INDEX live_session_invite_message ON live_session (invite_message_id);
CREATE INDEX live_session_summary_message ON live_session (summary_message_id);
CREATE INDEX wait_question_post_message ON wait_question (post_message_id);
CREATE INDEX working_group_channel_request ON working_group (channel_request_id);
