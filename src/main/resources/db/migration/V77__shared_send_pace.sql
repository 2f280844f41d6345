-- Issue 19: replicas share one send pace per workspace and method (Slack's limits are per method and workspace).
-- One token bucket per row, taken from atomically by whichever replica sends (PostgreSQL only; SQLite runs one
-- replica and paces in memory, so the table stays empty there). Times are epoch milliseconds.
CREATE TABLE send_pace (
    bucket        TEXT             PRIMARY KEY,   -- "<workspace>|<method>", e.g. slack:T123|chat.postMessage
    tokens        DOUBLE PRECISION NOT NULL,      -- sends allowed now, refilled at the pace's rate
    refilled_at   BIGINT           NOT NULL,
    stopped_until BIGINT           NOT NULL       -- the platform said "retry after": nothing goes until then
);
