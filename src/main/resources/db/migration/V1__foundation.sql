-- Times are epoch milliseconds (BIGINT) so the same statements serve SQLite and PostgreSQL.
-- ${id_column} is the dialect's auto-increment primary key.

CREATE TABLE person (
    id            TEXT PRIMARY KEY,
    display_name  TEXT   NOT NULL,
    time_zone     TEXT,
    first_seen_at BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL
);

-- Messages to anyone but the caller, written in the same transaction as the effect that causes them.
CREATE TABLE outbox (
    id              ${id_column},
    kind            TEXT   NOT NULL,   -- DIRECT, POST, UPDATE
    recipient       TEXT,              -- person id (DIRECT) or channel id (POST)
    updates_id      BIGINT REFERENCES outbox (id),
    payload         TEXT   NOT NULL,   -- the neutral message, as JSON
    status          TEXT   NOT NULL,   -- PENDING, SENDING, DELIVERED, FAILED
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    delivered_at    BIGINT,
    message_ref     TEXT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);

-- Timed work (proposal deadlines, reminders); the database is the source of truth, the scheduler only wakes it.
CREATE TABLE scheduled_task (
    id         ${id_column},
    kind       TEXT    NOT NULL,
    subject    BIGINT  NOT NULL,
    due_at     BIGINT  NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    done_at    BIGINT,
    last_error TEXT,
    created_at BIGINT  NOT NULL
);
CREATE INDEX scheduled_task_due ON scheduled_task (done_at, due_at);
CREATE INDEX scheduled_task_subject ON scheduled_task (kind, subject);

CREATE TABLE ticket (
    id         ${id_column},
    learner_id TEXT   NOT NULL REFERENCES person (id),
    topic      TEXT   NOT NULL,
    goal       TEXT,
    status     TEXT   NOT NULL,   -- WAITING, PROPOSED, MATCHED, DONE, CANCELLED
    created_at BIGINT NOT NULL,
    closed_at  BIGINT
);
CREATE INDEX ticket_topic_status ON ticket (topic, status, created_at);
CREATE INDEX ticket_status ON ticket (status, topic);
CREATE INDEX ticket_learner ON ticket (learner_id, status);

CREATE TABLE teaching_offer (
    id                ${id_column},
    teacher_id        TEXT    NOT NULL REFERENCES person (id),
    topic             TEXT    NOT NULL,
    capacity          INTEGER NOT NULL,
    paused_at         BIGINT,
    stopped_at        BIGINT,
    last_proposed_at  BIGINT,
    learned_ticket_id BIGINT REFERENCES ticket (id),  -- set when they learned this topic here first: graduation
    created_at        BIGINT  NOT NULL,
    UNIQUE (teacher_id, topic)
);
CREATE INDEX teaching_offer_topic ON teaching_offer (topic, stopped_at);

CREATE TABLE mentorship_match (
    id                  ${id_column},
    ticket_id           BIGINT NOT NULL REFERENCES ticket (id),
    learner_id          TEXT   NOT NULL REFERENCES person (id),
    teacher_id          TEXT   NOT NULL REFERENCES person (id),
    topic               TEXT   NOT NULL,
    status              TEXT   NOT NULL,  -- PROPOSED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN, DONE, CANCELLED
    proposed_at         BIGINT NOT NULL,
    answer_due_at       BIGINT,
    answered_at         BIGINT,
    ended_at            BIGINT,
    proposal_message_id BIGINT REFERENCES outbox (id)
);
CREATE INDEX match_teacher_topic ON mentorship_match (teacher_id, topic, status);
CREATE INDEX match_learner_topic ON mentorship_match (learner_id, topic, teacher_id);
CREATE INDEX match_ticket ON mentorship_match (ticket_id, status);
