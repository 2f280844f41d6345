package dev.guildhall.mentorship;

import java.time.Instant;

/**
 * A running pair's follow-through: when it started, when they said they met, when it ended, whether the teacher
 * paused the check-ins, and the last step of the first-time mentor's playbook sent (0: none).
 */
record Pair(long matchId, Instant startedAt, Instant metAt, Instant closedAt, Instant checkinsPausedAt,
            int playbookStep, Instant playbookSkippedAt) {
    boolean isOpen() {
        return closedAt == null;
    }

    boolean hasMet() {
        return metAt != null;
    }

    boolean checkinsPaused() {
        return checkinsPausedAt != null;
    }

    boolean playbookRunning() {
        return playbookStep > 0 && playbookStep < MentorPlaybook.LAST_STEP && playbookSkippedAt == null;
    }
}
