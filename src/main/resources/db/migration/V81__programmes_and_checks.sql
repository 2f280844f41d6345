-- Training programmes (a guild's syllabus modules in order, run by cohorts) and knowledge checks after each module.
-- What one person answered is theirs alone: rounds, answers, ratings and gaps name them so they can see their own map
-- and be forgotten, and every view for anyone else counts (at least 3 answers) and never names. Anonymous questions
-- to a module's owners name nobody at all: no person, no round, time rounded down to the minute.
-- Times are epoch milliseconds (BIGINT); booleans INTEGER 0/1 so the statements serve SQLite and PostgreSQL.

CREATE TABLE programme (
    id         ${id_column},
    slug       TEXT   NOT NULL UNIQUE,
    guild_id   BIGINT NOT NULL REFERENCES guild (id),
    title      TEXT   NOT NULL,
    created_by TEXT   NOT NULL REFERENCES person (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE programme_module (
    programme_id BIGINT  NOT NULL REFERENCES programme (id),
    module_id    BIGINT  NOT NULL REFERENCES syllabus_module (id),
    position     INTEGER NOT NULL,
    topic        TEXT    NOT NULL,  -- for mentoring: the module's topic, or the --topic given when it was added
    PRIMARY KEY (programme_id, module_id)
);

CREATE TABLE cohort (
    id           ${id_column},
    programme_id BIGINT NOT NULL REFERENCES programme (id),
    starts_on    TEXT   NOT NULL,   -- ISO date
    channel_id   TEXT,
    started_by   TEXT   NOT NULL REFERENCES person (id),
    created_at   BIGINT NOT NULL
);
CREATE INDEX cohort_programme ON cohort (programme_id);

CREATE TABLE cohort_member (
    cohort_id BIGINT NOT NULL REFERENCES cohort (id),
    person_id TEXT   NOT NULL REFERENCES person (id),
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (cohort_id, person_id)
);
CREATE INDEX cohort_member_person ON cohort_member (person_id);

-- Each module of a cohort has a slot presented by one of the module's owners.
CREATE TABLE cohort_slot (
    cohort_id    BIGINT NOT NULL REFERENCES cohort (id),
    module_id    BIGINT NOT NULL REFERENCES syllabus_module (id),
    presenter_id TEXT   REFERENCES person (id),
    PRIMARY KEY (cohort_id, module_id)
);

CREATE TABLE check_question (
    id           ${id_column},
    module_id    BIGINT NOT NULL REFERENCES syllabus_module (id),
    text         TEXT   NOT NULL,
    right_answer TEXT   NOT NULL,
    wrong_json   TEXT   NOT NULL,   -- JSON array of the wrong answers, as the owner wrote them
    explain      TEXT,
    created_by   TEXT   NOT NULL REFERENCES person (id),
    created_at   BIGINT NOT NULL,
    removed_at   BIGINT
);
CREATE INDEX check_question_module ON check_question (module_id, removed_at);

CREATE TABLE check_objective (
    id         ${id_column},
    module_id  BIGINT NOT NULL REFERENCES syllabus_module (id),
    text       TEXT   NOT NULL,
    created_by TEXT   NOT NULL REFERENCES person (id),
    created_at BIGINT NOT NULL,
    removed_at BIGINT
);

-- One sitting of a module's check by one person: the first one, or a re-check of their open gaps.
CREATE TABLE check_round (
    id             ${id_column},
    module_id      BIGINT  NOT NULL REFERENCES syllabus_module (id),
    person_id      TEXT    NOT NULL REFERENCES person (id),
    first_try      INTEGER NOT NULL,  -- 1: the check after the module; 0: a re-check
    questions_json TEXT    NOT NULL,  -- the question ids asked, in order
    objectives_json TEXT   NOT NULL,  -- the objectives to rate after them, in order
    position       INTEGER NOT NULL DEFAULT 0,  -- the next step to answer
    sent_at        BIGINT  NOT NULL,
    finished_at    BIGINT
);
CREATE INDEX check_round_person ON check_round (person_id, module_id);
CREATE INDEX check_round_module ON check_round (module_id, first_try);

CREATE TABLE check_answer (
    round_id    BIGINT  NOT NULL REFERENCES check_round (id),
    question_id BIGINT  NOT NULL REFERENCES check_question (id),
    correct     INTEGER NOT NULL,
    answered_at BIGINT  NOT NULL,
    PRIMARY KEY (round_id, question_id)
);

CREATE TABLE check_rating (
    round_id     BIGINT  NOT NULL REFERENCES check_round (id),
    objective_id BIGINT  NOT NULL REFERENCES check_objective (id),
    rating       INTEGER NOT NULL,  -- 2: could explain it to someone, 1: mostly, 0: not yet
    PRIMARY KEY (round_id, objective_id)
);

-- A question someone missed, until they answer it right twice on re-checks (or a mentor closes it with them).
CREATE TABLE check_gap (
    id           ${id_column},
    person_id    TEXT    NOT NULL REFERENCES person (id),
    module_id    BIGINT  NOT NULL REFERENCES syllabus_module (id),
    question_id  BIGINT  NOT NULL REFERENCES check_question (id),
    round_id     BIGINT  NOT NULL REFERENCES check_round (id),  -- the round it was missed in first
    opened_at    BIGINT  NOT NULL,
    right_count  INTEGER NOT NULL DEFAULT 0,
    action       TEXT,              -- RECHECK, MENTOR: what the person chose to do about it
    recheck_due  BIGINT,
    ticket_id    BIGINT  REFERENCES ticket (id),
    closed_at    BIGINT,
    closed_by    TEXT,              -- RECHECK, MENTOR
    UNIQUE (person_id, question_id)
);
CREATE INDEX check_gap_round ON check_gap (round_id);

CREATE TABLE check_anonymous_question (
    id        ${id_column},
    module_id BIGINT NOT NULL REFERENCES syllabus_module (id),
    text      TEXT   NOT NULL,
    asked_at  BIGINT NOT NULL   -- rounded down to the minute
);
CREATE INDEX check_anonymous_question_module ON check_anonymous_question (module_id);

-- A live session that presents a module (/session start … --module): its end sends the module's check.
CREATE TABLE module_session (
    session_id BIGINT NOT NULL PRIMARY KEY REFERENCES live_session (id),
    module_id  BIGINT NOT NULL REFERENCES syllabus_module (id),
    linked_at  BIGINT NOT NULL
);

-- A /learn ticket whose goal only the teacher who accepts it reads (a check's missed questions).
CREATE TABLE ticket_private_goal (
    ticket_id BIGINT NOT NULL PRIMARY KEY REFERENCES ticket (id)
);
