-- Requests already handled, keyed by the platform's own id for the delivery (Slack's trigger_id or event_id).
-- The key is written in the same transaction as the effect, so a retried delivery finds it and changes nothing.
-- It holds no person id: the key alone says nothing about who sent the request.
CREATE TABLE handled_request (
    request_key TEXT PRIMARY KEY,
    reply       TEXT,              -- the caller's reply as JSON messages, answered again to a retry
    handled_at  BIGINT NOT NULL
);
CREATE INDEX handled_request_age ON handled_request (handled_at);
