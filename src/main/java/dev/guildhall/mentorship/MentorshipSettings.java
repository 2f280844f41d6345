package dev.guildhall.mentorship;

import java.time.Duration;

/** How mentorship behaves where a company may want it otherwise. */
public record MentorshipSettings(int defaultCapacity, int maxCapacity, Duration answerDeadline) {
    public static MentorshipSettings defaults() {
        return new MentorshipSettings(2, 20, Duration.ofDays(3));
    }

    public MentorshipSettings withAnswerDeadline(Duration deadline) {
        return new MentorshipSettings(defaultCapacity, maxCapacity, deadline);
    }
}
