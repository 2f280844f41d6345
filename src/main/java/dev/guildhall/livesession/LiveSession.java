package dev.guildhall.livesession;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.PersonId;

import java.time.Instant;

/** A live session bound to one channel, as stored. Message ids are outbox ids (null until sent). */
record LiveSession(long id, ChannelId channel, String title, PersonId presenter, int threshold, int keyGeneration,
                   boolean nudgeArmed, Instant lastNudgedAt, int lastBoardCount, Long boardMessageId, Long inviteMessageId,
                   Instant restartedAt, Instant startedAt, Instant endedAt, Instant recapPostedAt,
                   Instant learnInvitePostedAt, int questionsPerHour, boolean questionsPaused) {

    boolean isRunning() {
        return endedAt == null;
    }
}
