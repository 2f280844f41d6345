package dev.guildhall.http;

import java.time.Duration;

/**
 * How long a client may take and how much waiting the server accepts, so that slow or stuck clients cannot hold it:
 * the request line and headers must arrive within {@code headers} of connecting (or of the previous response), the
 * body within {@code body} of the headers, and a keep-alive connection with no new request is closed after
 * {@code idle}. At most {@code workers} requests run at once and {@code queue} more wait; past that a request is
 * answered "busy" at once.
 */
public record HttpLimits(Duration headers, Duration body, Duration idle, int workers, int queue) {
    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 32, 256);

    public HttpLimits {
        for (Duration timeout : new Duration[] {headers, body, idle}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
        if (workers < 1 || queue < 0) {
            throw new IllegalArgumentException("at least one worker and a queue of zero or more");
        }
    }
}
