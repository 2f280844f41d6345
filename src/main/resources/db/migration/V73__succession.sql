-- When a guild loses its last lead (or a working group its owner) because that person was forgotten, its
-- longest-standing members are asked, one at a time, to take it on. One row per person asked.
CREATE TABLE succession_ask (
    id          ${id_column},
    scope       TEXT   NOT NULL,   -- what is handed over: guild.lead, wg.owner
    subject     BIGINT NOT NULL,   -- the guild's or the working group's id
    person_id   TEXT   NOT NULL REFERENCES person (id),
    asked_at    BIGINT NOT NULL,
    due_at      BIGINT NOT NULL,
    outcome     TEXT,              -- NULL while open; ACCEPTED, DECLINED, EXPIRED, ENDED
    answered_at BIGINT
);
CREATE INDEX succession_ask_subject ON succession_ask (scope, subject, outcome);

-- A working group's check-in pauses while the group has no owner, and resumes when someone takes it on.
ALTER TABLE wg_checkin ADD COLUMN paused_for_owner INTEGER NOT NULL DEFAULT 0;
