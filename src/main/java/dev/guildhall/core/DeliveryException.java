package dev.guildhall.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A platform refused or failed to carry out a chat operation. {@code retryable} tells the outbox whether trying
 * again can help (rate limits, timeouts) or not (a channel that does not exist, a missing permission). {@code code}
 * is the platform's own name for the error (Slack's {@code name_taken}), for an adapter to decide on, never the text.
 */
public class DeliveryException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;
    private final String code;

    private DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause, String code) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.code = code;
    }

    public static DeliveryException rateLimited(Duration retryAfter) {
        return new DeliveryException("rate limited, retry after " + retryAfter.toSeconds() + "s", true, retryAfter, null, null);
    }

    public static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, true, null, cause, null);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null, null, null);
    }

    /** The same failure, named by the platform's error code. */
    public DeliveryException withCode(String platformCode) {
        return new DeliveryException(getMessage(), retryable, retryAfter, getCause(), platformCode);
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public boolean hasCode(String platformCode) {
        return platformCode.equals(code);
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
