package dev.guildhall.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A platform refused or failed to carry out a chat operation. {@code retryable} tells the outbox whether trying
 * again can help (rate limits, timeouts) or not (a channel that does not exist, a missing permission).
 */
public class DeliveryException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    private DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException rateLimited(Duration retryAfter) {
        return new DeliveryException("rate limited, retry after " + retryAfter.toSeconds() + "s", true, retryAfter, null);
    }

    public static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, true, null, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
