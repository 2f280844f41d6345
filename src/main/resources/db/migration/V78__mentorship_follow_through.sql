-- A teacher who let a proposal expire is paused by Guildhall rather than by herself; that pause lifts on its own
-- at resume_at (a pause she asked for with /teach pause has none, and waits for /teach resume).
ALTER TABLE teaching_offer ADD COLUMN resume_at BIGINT;

-- The one line of thanks a learner may leave at the end of a match, shown to the teacher only.
ALTER TABLE mentorship_match ADD COLUMN thanks TEXT;

-- Whether a teacher agreed to be listed on /teach board, asked once at their first offer: listed is 1 or 0 once
-- they answered, NULL while the question waits.
CREATE TABLE teacher_listing (
    teacher_id  TEXT    PRIMARY KEY REFERENCES person (id),
    listed      INTEGER,
    asked_at    BIGINT  NOT NULL,
    answered_at BIGINT
);

-- People asked to teach a topic because they know it (a live session's presenter, a guild module's owner), so a
-- learner waiting for it can be told who was asked. One row per person and topic.
CREATE TABLE teach_invitation (
    id          ${id_column},
    topic       TEXT   NOT NULL,
    person_id   TEXT   NOT NULL REFERENCES person (id),
    reason      TEXT   NOT NULL,  -- why them, as shown to learners: "presented Kafka 101"
    asked_at    BIGINT NOT NULL,
    answered_at BIGINT,
    UNIQUE (topic, person_id)
);
