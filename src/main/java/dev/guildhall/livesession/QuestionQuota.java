package dev.guildhall.livesession;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many questions one person (known only by a keyed token) asked in the current minute and hour windows. Each
 * window starts at the first question after the previous one closed, rounded down to the minute.
 */
record QuestionQuota(Instant minuteStart, int askedInMinute, Instant hourStart, int askedInHour) {
    static final int PER_MINUTE = 3;
    static final int PER_HOUR = 20;
    static final int MAX_PER_HOUR = 500;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    static QuestionQuota none(Instant now) {
        Instant start = LiveSessionStore.minute(now);
        return new QuestionQuota(start, 0, start, 0);
    }

    /** The windows as they stand at {@code now}: a closed window starts again, empty. */
    QuestionQuota at(Instant now) {
        Instant start = LiveSessionStore.minute(now);
        boolean minuteOver = !now.isBefore(minuteStart.plus(MINUTE));
        boolean hourOver = !now.isBefore(hourStart.plus(HOUR));
        return new QuestionQuota(minuteOver ? start : minuteStart, minuteOver ? 0 : askedInMinute,
                hourOver ? start : hourStart, hourOver ? 0 : askedInHour);
    }

    /** When this person may ask again, if a limit is reached; the per-minute limit never exceeds the hourly one. */
    Optional<Instant> blockedUntil(int perHour) {
        if (askedInHour >= perHour) {
            return Optional.of(hourStart.plus(HOUR));
        }
        if (askedInMinute >= Math.min(PER_MINUTE, perHour)) {
            return Optional.of(minuteStart.plus(MINUTE));
        }
        return Optional.empty();
    }

    QuestionQuota plusOne() {
        return new QuestionQuota(minuteStart, askedInMinute + 1, hourStart, askedInHour + 1);
    }
}
