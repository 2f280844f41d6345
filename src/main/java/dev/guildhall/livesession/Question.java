package dev.guildhall.livesession;

import dev.guildhall.core.Mentions;

import java.time.Instant;

/**
 * An anonymous question asked with {@code /wait <question>}; {@code votes} counts upvotes by others. Its text can
 * mention nobody: nobody may be pinged anonymously, so mentions are plain names, wherever the question is shown.
 */
record Question(long id, long sessionId, String text, int votes, Instant askedAt, Long postMessageId,
                Instant removedAt) {
    Question {
        text = Mentions.plain(text);
    }

    boolean isRemoved() {
        return removedAt != null;
    }
}
