package dev.guildhall.livesession;

import java.time.Instant;

/** An anonymous question asked with {@code /wait <question>}; {@code votes} counts upvotes by others. */
record Question(long id, long sessionId, String text, int votes, Instant askedAt, Long postMessageId,
                Instant removedAt) {
    boolean isRemoved() {
        return removedAt != null;
    }
}
