-- Several replicas on one database (PostgreSQL).
-- An outbox row being sent names the replica that claimed it and when: a claim older than the lease belongs to a
-- replica that died mid-send, and another replica sends the row again.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_at BIGINT;

-- A live session's anonymity key is derived, on every replica alike, from the cluster secret (never stored) and this
-- random salt (hex). Deleting the salt at the session's end makes the key unrecoverable, like forgetting it.
ALTER TABLE live_session ADD COLUMN key_salt TEXT;
