-- The insights daily round is a chain of due tasks with one link waiting at a time. The bot starts the chain each
-- time it starts, and two replicas (or a restart) starting at once must not start it twice: the insert that would
-- make a second waiting link finds this index taken and does nothing. Links a race may already have doubled are
-- closed first, keeping the oldest.
UPDATE scheduled_task SET done_at = created_at, last_error = 'a second waiting link of the daily round'
WHERE kind = 'insights.daily' AND done_at IS NULL
  AND id <> (SELECT MIN(id) FROM scheduled_task WHERE kind = 'insights.daily' AND done_at IS NULL);

CREATE UNIQUE INDEX scheduled_task_one_daily_round ON scheduled_task (kind)
    WHERE kind = 'insights.daily' AND done_at IS NULL;
