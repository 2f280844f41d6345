-- Retries of anonymous requests (a /wait, a press of WAIT, "I get it now" or "Me too") are recognised without
-- linking anything: `request_hash` is an HMAC of the platform's request id under the live session's key (the same
-- key as the session's tokens), no reply is kept, the time is rounded down to the minute, and every row of a session
-- is deleted when it ends, when its key is thrown away. `handled_request` never sees an anonymous request.
CREATE TABLE anonymous_request (
    request_hash TEXT    PRIMARY KEY,
    session_id   BIGINT  NOT NULL REFERENCES live_session (id),
    generation   INTEGER NOT NULL,
    handled_at   BIGINT  NOT NULL   -- rounded down to the minute
);
CREATE INDEX anonymous_request_session ON anonymous_request (session_id);

-- How many questions one person asked lately, under the session's key: `token` is the keyed hash of the person for
-- this purpose alone, the window starts are rounded to the minute, and the rows go when the session ends.
CREATE TABLE wait_question_quota (
    session_id      BIGINT  NOT NULL REFERENCES live_session (id),
    token           TEXT    NOT NULL,
    generation      INTEGER NOT NULL,
    minute_start    BIGINT  NOT NULL,
    asked_in_minute INTEGER NOT NULL,
    hour_start      BIGINT  NOT NULL,
    asked_in_hour   INTEGER NOT NULL,
    PRIMARY KEY (session_id, token)
);

-- The presenter's limit of questions per person and hour (`--questions N/hour`), and whether questions are paused.
ALTER TABLE live_session ADD COLUMN questions_per_hour INTEGER NOT NULL DEFAULT 20;
ALTER TABLE live_session ADD COLUMN questions_paused INTEGER NOT NULL DEFAULT 0;
