-- Live sessions and anonymous WAIT flags.
-- Nothing here names the person behind a flag, a question or a vote. While a session runs, `token` columns hold a
-- keyed hash (HMAC-SHA256) of the person under a random key that lives only in the bot's memory, so the same
-- person is counted once and can retract their own flag; tokens are wiped when the flag comes down and when the
-- session ends, and the key is thrown away then. A restart loses the key: `key_generation` moves on and the
-- tokens of the old generation are wiped.

CREATE TABLE live_session (
    id                     ${id_column},
    channel_id             TEXT    NOT NULL,
    title                  TEXT    NOT NULL,
    presenter_id           TEXT    NOT NULL REFERENCES person (id),  -- the presenter is public by role
    threshold              INTEGER NOT NULL,
    key_generation         INTEGER NOT NULL,
    nudge_armed            INTEGER NOT NULL DEFAULT 1,  -- 1 until a nudge is sent; re-armed below the threshold
    last_nudged_at         BIGINT,
    last_board_count       INTEGER NOT NULL DEFAULT 0,
    board_message_id       BIGINT REFERENCES outbox (id),
    invite_message_id      BIGINT REFERENCES outbox (id),
    summary_message_id     BIGINT REFERENCES outbox (id),
    restarted_at           BIGINT,   -- the last time a lost key started a new generation
    started_at             BIGINT  NOT NULL,
    ended_at               BIGINT,
    recap_posted_at        BIGINT,
    learn_invite_posted_at BIGINT
);
CREATE UNIQUE INDEX live_session_running ON live_session (channel_id) WHERE ended_at IS NULL;
CREATE INDEX live_session_presenter ON live_session (presenter_id, ended_at);

CREATE TABLE wait_flag (
    id          ${id_column},
    session_id  BIGINT  NOT NULL REFERENCES live_session (id),
    generation  INTEGER NOT NULL,
    token       TEXT,              -- only while the flag is up
    raised_at   BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    ended_at    BIGINT,
    end_reason  TEXT               -- RETRACTED, EXPIRED, RESTARTED, SESSION_ENDED
);
CREATE UNIQUE INDEX wait_flag_up ON wait_flag (session_id, token) WHERE ended_at IS NULL;
CREATE INDEX wait_flag_session ON wait_flag (session_id, raised_at);

CREATE TABLE wait_question (
    id              ${id_column},
    session_id      BIGINT  NOT NULL REFERENCES live_session (id),
    text            TEXT    NOT NULL,
    votes           INTEGER NOT NULL DEFAULT 0,  -- upvotes by others; the asker's own mark is not one
    asked_at        BIGINT  NOT NULL,
    removed_at      BIGINT,   -- the presenter took it down (anonymous posting needs a way to stop abuse)
    post_message_id BIGINT REFERENCES outbox (id)
);
CREATE INDEX wait_question_session ON wait_question (session_id, votes);

-- Who already voted (or asked), as tokens, only while the session runs: deleted at its end.
CREATE TABLE wait_vote (
    question_id BIGINT  NOT NULL REFERENCES wait_question (id),
    token       TEXT    NOT NULL,
    generation  INTEGER NOT NULL,
    asker       INTEGER NOT NULL,  -- 1 marks the asker, who cannot upvote their own question
    PRIMARY KEY (question_id, token)
);
