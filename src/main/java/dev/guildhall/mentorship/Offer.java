package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;

import java.time.Instant;

/** Someone offers to teach a topic to up to {@code capacity} learners at a time. */
public record Offer(long id, PersonId teacher, String topic, int capacity, Instant pausedAt, Instant stoppedAt) {
    public boolean isActive() {
        return stoppedAt == null;
    }

    public boolean isPaused() {
        return pausedAt != null;
    }
}
