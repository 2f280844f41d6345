-- Working groups: small groups under a guild with their own channel, a size cap and a waitlist, weekly check-ins,
-- and results shared back to the guild (and into its weekly digest).
-- Times are epoch milliseconds (BIGINT); dates are ISO text; booleans are INTEGER 0/1 (SQLite and PostgreSQL).

-- Channel operations (create, archive) go through the outbox like messages; when one is settled, the task named
-- here falls due so the capability that asked can react (a working group hears whether its channel exists).
ALTER TABLE outbox ADD COLUMN follow_up_task TEXT;
ALTER TABLE outbox ADD COLUMN follow_up_subject BIGINT;

CREATE TABLE working_group (
    id                 ${id_column},
    slug               TEXT    NOT NULL,
    guild_id           BIGINT  NOT NULL REFERENCES guild (id),
    charter            TEXT    NOT NULL,
    owner_id           TEXT    NOT NULL REFERENCES person (id),
    size               INTEGER NOT NULL,       -- places, the owner's included
    ends_on            TEXT,                   -- ISO date the group means to finish by; NULL: open-ended
    status             TEXT    NOT NULL,       -- PENDING (channel being created), ACTIVE, CLOSED
    channel_id         TEXT,                   -- platform-qualified
    channel_created    INTEGER NOT NULL DEFAULT 0,  -- 1: the bot created it (and archives it on close)
    channel_request_id BIGINT  REFERENCES outbox (id),
    split_from         BIGINT  REFERENCES working_group (id),
    summary            TEXT,
    created_at         BIGINT  NOT NULL,
    closed_at          BIGINT
);
-- A slug names one open group; closed groups keep theirs for the record.
CREATE UNIQUE INDEX working_group_open_slug ON working_group (slug) WHERE status <> 'CLOSED';
CREATE INDEX working_group_guild ON working_group (guild_id, status);

CREATE TABLE wg_member (
    group_id  BIGINT NOT NULL REFERENCES working_group (id),
    person_id TEXT   NOT NULL REFERENCES person (id),
    state     TEXT   NOT NULL,   -- MEMBER, WAITING
    since     BIGINT NOT NULL,   -- joined, or put on the waitlist (its order)
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX wg_member_person ON wg_member (person_id);

-- Results shared with the guild, and closing summaries; digested_at: when the guild's weekly digest carried it.
CREATE TABLE wg_result (
    id          ${id_column},
    group_id    BIGINT NOT NULL REFERENCES working_group (id),
    guild_id    BIGINT NOT NULL REFERENCES guild (id),
    author_id   TEXT   NOT NULL REFERENCES person (id),
    kind        TEXT   NOT NULL,   -- RESULT, SUMMARY
    text        TEXT   NOT NULL,
    shared_at   BIGINT NOT NULL,
    digested_at BIGINT
);
CREATE INDEX wg_result_digest ON wg_result (guild_id, digested_at);

-- A weekly check-in question; each week is a round, each member asked at the time in their own zone.
CREATE TABLE wg_checkin (
    id         ${id_column},
    group_id   BIGINT NOT NULL REFERENCES working_group (id),
    question   TEXT   NOT NULL,
    weekday    TEXT   NOT NULL,   -- MONDAY … SUNDAY
    at_time    TEXT   NOT NULL,   -- HH:MM, each member's local time
    created_by TEXT   NOT NULL REFERENCES person (id),
    created_at BIGINT NOT NULL,
    stopped_at BIGINT
);
CREATE INDEX wg_checkin_group ON wg_checkin (group_id, stopped_at);

CREATE TABLE wg_checkin_round (
    id               ${id_column},
    checkin_id       BIGINT NOT NULL REFERENCES wg_checkin (id),
    occurs_on        TEXT   NOT NULL,   -- the ISO date of the weekday this round asks on
    digest_due_at    BIGINT NOT NULL,
    digest_posted_at BIGINT
);

CREATE TABLE wg_checkin_ask (
    id          ${id_column},
    round_id    BIGINT NOT NULL REFERENCES wg_checkin_round (id),
    person_id   TEXT   NOT NULL REFERENCES person (id),
    due_at      BIGINT NOT NULL,
    asked_at    BIGINT,
    answer      TEXT,
    answered_at BIGINT,
    UNIQUE (round_id, person_id)
);
