-- Retries of an anonymous question to a module's owners (/ask, or "Ask anonymously" with its text) are recognised
-- without linking anything: `request_hash` is an HMAC of the platform's request id under a key held only in the
-- memory of the running bot, no reply is kept, the time is rounded down to the minute, and each row is deleted
-- 15 minutes later. Nothing here refers to the question that was posted.
CREATE TABLE check_anonymous_request (
    request_hash TEXT   PRIMARY KEY,
    handled_at   BIGINT NOT NULL   -- rounded down to the minute
);
