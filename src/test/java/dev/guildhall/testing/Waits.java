package dev.guildhall.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Bounded waits, through Awaitility, for work another thread does after a real round trip (the outbox, a fake
 * platform's server). Never for clock time: tests move an {@code AdjustableClock} instead.
 */
public final class Waits {
    /** Long enough for a loaded CI machine; a passing test returns as soon as its condition holds. */
    public static final Duration AT_MOST = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(5);

    private Waits() {
    }

    /** The first value that is {@code done}, or {@link ConditionTimeoutException} after {@code atMost}. */
    public static <T> T until(Duration atMost, Callable<T> value, Predicate<T> done) {
        return Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(value, done::test);
    }

    public static <T> T until(Callable<T> value, Predicate<T> done) {
        return until(AT_MOST, value, done);
    }

    /** Like {@link #until(Callable, Predicate)}, but the last value when time runs out, for the caller to assert. */
    public static <T> T untilOrLast(Callable<T> value, Predicate<T> done) {
        try {
            return until(value, done);
        } catch (ConditionTimeoutException timedOut) {
            try {
                return value.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
