-- Insights for guild leads and admins. Everything they show is computed from the other capabilities' tables; the
-- only state of their own is who was told they wait too long, and who gets the weekly digest.

-- A learner waiting over a week is told once per ticket that they are not forgotten.
CREATE TABLE insights_left_out_notice (
    ticket_id BIGINT NOT NULL PRIMARY KEY REFERENCES ticket (id),
    sent_at   BIGINT NOT NULL
);

-- The weekly digest to a guild's lead, on Monday 09:00 in the lead's own time zone.
CREATE TABLE insights_digest (
    id           ${id_column},
    guild_id     BIGINT NOT NULL REFERENCES guild (id),
    person_id    TEXT   NOT NULL REFERENCES person (id),
    stopped_at   BIGINT,            -- the lead turned it off
    last_sent_at BIGINT,
    created_at   BIGINT NOT NULL,
    UNIQUE (guild_id, person_id)
);

-- Charts asked for and not drawn yet: drawing them is left to a due task, so the command answers at once (Slack wants
-- its answer within 3 s) and the charts follow a moment later.
CREATE TABLE insights_chart_request (
    id         ${id_column},
    guild_id   BIGINT REFERENCES guild (id),  -- NULL: every guild (an admin's view)
    viewer     TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
