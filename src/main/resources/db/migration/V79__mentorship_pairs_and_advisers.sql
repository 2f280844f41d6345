-- What happens after a mentorship match is accepted (issue 16). One row per pair: when it started, when it was
-- confirmed that they met, when it ended, whether the teacher paused the weekly check-ins, and how far the
-- first-time mentor's playbook got. Check-in answers are passed on to the other person and never stored.
CREATE TABLE mentorship_pair (
    match_id            BIGINT  PRIMARY KEY REFERENCES mentorship_match (id),
    started_at          BIGINT  NOT NULL,
    met_at              BIGINT,
    closed_at           BIGINT,
    checkins_paused_at  BIGINT,
    playbook_step       INTEGER NOT NULL DEFAULT 0,  -- 0: no playbook (not a first-time mentor); 1-3: the last step sent
    playbook_skipped_at BIGINT
);

-- Teachers who offered (/teach <topic> --mentor-the-mentors) to advise first-time mentors of a topic.
CREATE TABLE mentor_adviser (
    teacher_id    TEXT   NOT NULL REFERENCES person (id),
    topic         TEXT   NOT NULL,
    opted_in_at   BIGINT NOT NULL,
    last_asked_at BIGINT,
    PRIMARY KEY (teacher_id, topic)
);

-- A Teams user's principal name (their sign-in address), read from the conversation's roster once and kept: a chat
-- deep link (https://teams.microsoft.com/l/chat/0/0?users=<upn>) needs it.
ALTER TABLE teams_person ADD COLUMN user_principal_name TEXT;
