package dev.guildhall.outbox;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: after an exponential back-off (2 s, 4 s, 8 s … at most 5 minutes), up to
 * {@link #MAX_ATTEMPTS} attempts. Each wait is shortened by a random part of at most {@link #JITTER} of itself, so
 * the many rows a platform outage failed together do not all come back in the same second; it never grows, so a
 * retry is never later than the back-off promises.
 */
public final class RetryPolicy {
    static final int MAX_ATTEMPTS = 10;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final double JITTER = 0.2;

    private final RandomGenerator random;

    /** @param random where the jitter comes from: seed it in tests, so every wait is known */
    public RetryPolicy(RandomGenerator random) {
        this.random = random;
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(RandomGenerator.getDefault());
    }

    /**
     * @param attempts how many attempts failed so far, this one included
     * @return how long to wait before the next attempt, or empty when the row should fail for good
     */
    Optional<Duration> nextWait(int attempts, boolean retryable) {
        if (!retryable || attempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration base = backoff(attempts);
        long shortenBy = (long) (base.toMillis() * JITTER * random.nextDouble());
        return Optional.of(base.minusMillis(shortenBy));
    }

    /** The wait before jitter: doubling with each attempt, capped. */
    static Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
