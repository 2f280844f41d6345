package dev.guildhall.bot;

import java.time.Duration;

/**
 * Tells the {@link RequestObserver} (metrics) what each request was, how it ended and how long it took; anonymous
 * requests only as {@link RequestObserver#ANONYMOUS}, untimed.
 */
final class ObserveRequests implements Middleware {
    private volatile RequestObserver observer = RequestObserver.NONE;

    void observe(RequestObserver observer) {
        this.observer = observer;
    }

    @Override
    public Handled handle(Exchange exchange, Next next) {
        long started = System.nanoTime();
        RequestObserver.Outcome outcome = RequestObserver.Outcome.FAILED;
        try {
            Handled handled = next.handle(exchange);
            outcome = handled.outcome();
            return handled;
        } finally {
            if (exchange.anonymous()) {
                observer.handled(RequestObserver.ANONYMOUS, outcome, Duration.ZERO);
            } else {
                observer.handled(exchange.name(), outcome, Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }
}
