package dev.guildhall.slack;

import dev.guildhall.core.DeliveryException;
import dev.guildhall.http.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.Executor;

/** Work a handler leaves for after its ack: failures are logged (without naming anyone), never lost silently. */
final class AfterAck {
    private static final Logger log = LoggerFactory.getLogger(AfterAck.class);

    private final Executor executor;

    AfterAck(Executor executor) {
        this.executor = executor;
    }

    /** Runs with the request id of the request that left it, so its log lines can be matched to that request. */
    void later(Runnable work) {
        executor.execute(RequestIds.carried(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("work after a Slack ack failed", e);
            }
        }));
    }

    @FunctionalInterface
    interface Delivery {
        void run() throws DeliveryException;
    }

    static void deliver(Delivery delivery) {
        try {
            delivery.run();
        } catch (DeliveryException e) {
            log.warn("Slack delivery after the ack failed: {}", e.getMessage());
        }
    }

    @FunctionalInterface
    interface Responding {
        void run() throws IOException;
    }

    static void respond(Responding responding) {
        try {
            responding.run();
        } catch (IOException e) {
            log.warn("answering through Slack's response_url failed: {}", e.getMessage());
        }
    }
}
