-- Where the bot can reach people and channels on Teams: proactive messages go through a stored conversation reference.
CREATE TABLE teams_conversation (
    conversation_id TEXT PRIMARY KEY,
    kind            TEXT   NOT NULL,  -- personal, channel, groupChat
    reference       TEXT   NOT NULL,  -- the Bot Framework ConversationReference, as JSON
    updated_at      BIGINT NOT NULL
);

CREATE TABLE teams_person (
    person_id                TEXT PRIMARY KEY,  -- teams:<tenant>:<aad object id>
    teams_user_id            TEXT   NOT NULL,   -- 29:… , to open a personal chat with them
    service_url              TEXT   NOT NULL,
    personal_conversation_id TEXT REFERENCES teams_conversation (conversation_id),
    updated_at               BIGINT NOT NULL
);
