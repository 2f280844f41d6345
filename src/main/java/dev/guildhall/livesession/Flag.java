package dev.guildhall.livesession;

import java.time.Instant;

/** A raised flag: when, until when, and whether it is down. It never says whose it is. */
record Flag(long id, long sessionId, Instant raisedAt, Instant expiresAt, Instant endedAt) {
    boolean isUp() {
        return endedAt == null;
    }
}
