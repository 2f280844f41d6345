package dev.guildhall.livesession;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.PersonId;

import java.time.Instant;

/**
 * A live session bound to one channel, as stored. Message ids are outbox ids (null until sent). {@code channelMembers}
 * is the platform's count of the channel, once it has answered the question {@code membersRequestId} (asked only
 * when no threshold was chosen).
 */
record LiveSession(long id, ChannelId channel, String title, PersonId presenter, int threshold, int keyGeneration,
                   boolean nudgeArmed, Instant lastNudgedAt, int lastBoardCount, Long boardMessageId, Long inviteMessageId,
                   Instant restartedAt, Instant startedAt, Instant endedAt, Instant recapPostedAt,
                   Instant learnInvitePostedAt, int questionsPerHour, boolean questionsPaused, Integer channelMembers,
                   Long membersRequestId) {

    boolean isRunning() {
        return endedAt == null;
    }

    /** Whether the presenter chose the threshold; otherwise it follows the channel's size. */
    boolean thresholdChosen() {
        return membersRequestId == null;
    }
}
