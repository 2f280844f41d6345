-- Guilds: members and leads, announcements (fanned out through outbox batches), meetups with reminders,
-- talk proposals from members, and syllabus modules with their owners.
-- Times are epoch milliseconds (BIGINT); booleans are INTEGER 0/1 so the statements serve SQLite and PostgreSQL.

CREATE TABLE guild (
    id         ${id_column},
    slug       TEXT   NOT NULL UNIQUE,
    name       TEXT   NOT NULL,
    channel_id TEXT,               -- platform-qualified channel the guild posts in, if linked
    time_zone  TEXT,               -- the zone meetups are planned in; NULL: the scheduling lead's
    created_by TEXT   NOT NULL REFERENCES person (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE guild_member (
    guild_id  BIGINT  NOT NULL REFERENCES guild (id),
    person_id TEXT    NOT NULL REFERENCES person (id),
    role      TEXT    NOT NULL,           -- LEAD, MEMBER
    notify    INTEGER NOT NULL DEFAULT 1, -- announcements and meetup reminders by DM
    joined_at BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, person_id)
);
CREATE INDEX guild_member_person ON guild_member (person_id);

-- A group of outbox rows sent as one (an announcement's DMs), with a progress message refreshed in place.
CREATE TABLE outbox_batch (
    id          ${id_column},
    label       TEXT    NOT NULL,
    progress_id BIGINT  REFERENCES outbox (id),  -- the message showing progress to whoever started the batch
    total       INTEGER NOT NULL DEFAULT 0,
    shown_at    BIGINT,                          -- when progress was last refreshed (throttling)
    shown_text  TEXT,
    finished_at BIGINT,
    created_at  BIGINT  NOT NULL
);
ALTER TABLE outbox ADD COLUMN batch_id BIGINT REFERENCES outbox_batch (id);
-- One delivery per recipient in a batch, whatever happens: the database refuses a second row.
CREATE UNIQUE INDEX outbox_batch_recipient ON outbox (batch_id, kind, recipient) WHERE batch_id IS NOT NULL;

CREATE TABLE announcement (
    id         ${id_column},
    guild_id   BIGINT NOT NULL REFERENCES guild (id),
    author_id  TEXT   NOT NULL REFERENCES person (id),
    text       TEXT   NOT NULL,
    batch_id   BIGINT REFERENCES outbox_batch (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX announcement_guild ON announcement (guild_id, created_at);

CREATE TABLE meetup (
    id             ${id_column},
    guild_id       BIGINT NOT NULL REFERENCES guild (id),
    title          TEXT   NOT NULL,
    starts_at      BIGINT NOT NULL,
    time_zone      TEXT   NOT NULL,
    recurrence     TEXT,              -- the rule as understood, e.g. "every 2nd tuesday 16:00"; NULL: one-off
    series_id      BIGINT,            -- the first meetup of a recurring series
    speaker_id     TEXT   REFERENCES person (id),
    talk_title     TEXT,
    status         TEXT   NOT NULL,   -- SCHEDULED, CANCELLED
    created_by     TEXT   NOT NULL REFERENCES person (id),
    created_at     BIGINT NOT NULL,
    cancelled_at   BIGINT,
    skip_noted_at  BIGINT             -- reminders skipped because the bot was down past the meetup: lead told once
);
CREATE INDEX meetup_guild ON meetup (guild_id, status, starts_at);

CREATE TABLE meetup_rsvp (
    meetup_id   BIGINT NOT NULL REFERENCES meetup (id),
    person_id   TEXT   NOT NULL REFERENCES person (id),
    answer      TEXT   NOT NULL,     -- GOING, NOT_GOING
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (meetup_id, person_id)
);

CREATE TABLE talk_proposal (
    id         ${id_column},
    guild_id   BIGINT NOT NULL REFERENCES guild (id),
    speaker_id TEXT   NOT NULL REFERENCES person (id),
    title      TEXT   NOT NULL,
    status     TEXT   NOT NULL,     -- PROPOSED, SCHEDULED
    meetup_id  BIGINT REFERENCES meetup (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX talk_proposal_guild ON talk_proposal (guild_id, status);

CREATE TABLE syllabus_module (
    id         ${id_column},
    guild_id   BIGINT NOT NULL REFERENCES guild (id),
    name       TEXT   NOT NULL,     -- as the lead wrote it
    topic      TEXT   NOT NULL,     -- normalized like /teach topics, to find who teaches it
    created_by TEXT   NOT NULL REFERENCES person (id),
    created_at BIGINT NOT NULL,
    UNIQUE (guild_id, topic)
);

CREATE TABLE module_owner (
    module_id BIGINT NOT NULL REFERENCES syllabus_module (id),
    person_id TEXT   NOT NULL REFERENCES person (id),
    since     BIGINT NOT NULL,
    PRIMARY KEY (module_id, person_id)
);
