package dev.guildhall.outbox;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers outbox rows through the chat port, oldest first. A row is marked SENDING before the platform is called and
 * DELIVERED after, each in its own commit; rows a crash left SENDING are sent again at the next start. That window
 * (the platform took the message, the process died before recording it) is the one place a message can be doubled.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int BATCH = 100;

    private final Database database;
    private final ChatPort port;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;

    public OutboxDispatcher(Database database, ChatPort port, Clock clock) {
        this.database = database;
        this.port = port;
        this.clock = clock;
        int resumed = database.inTransaction(h -> h.createUpdate(
                "UPDATE outbox SET status = 'PENDING' WHERE status = 'SENDING'").execute());
        if (resumed > 0) {
            log.warn("resuming {} outbox deliveries interrupted by the last stop", resumed);
        }
    }

    record Row(long id, String kind, String recipient, Long updatesId, String payload, int attempts) {
    }

    private record Original(String status, String messageRef, Instant nextAttemptAt) {
    }

    /** Delivers everything due now; returns how many rows were delivered. */
    public synchronized int deliverDue() {
        int delivered = 0;
        while (true) {
            Instant now = clock.instant();
            List<Row> due = database.read(h -> h.createQuery("""
                            SELECT id, kind, recipient, updates_id, payload, attempts FROM outbox
                            WHERE status = 'PENDING' AND next_attempt_at <= :now ORDER BY id LIMIT :limit""")
                    .bind("now", now)
                    .bind("limit", BATCH)
                    .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                            rs.getObject("updates_id") == null ? null : rs.getLong("updates_id"),
                            rs.getString("payload"), rs.getInt("attempts")))
                    .list());
            if (due.isEmpty()) {
                return delivered;
            }
            for (Row row : due) {
                if (deliver(row, now)) {
                    delivered++;
                }
            }
        }
    }

    private boolean deliver(Row row, Instant now) {
        Message message = MessageJson.read(row.payload());
        MessageRef updateTarget = null;
        if (row.kind().equals("UPDATE")) {
            Original original = original(row.updatesId());
            switch (original.status()) {
                case "DELIVERED" -> updateTarget = new MessageRef(original.messageRef());
                case "FAILED" -> {
                    fail(row, "the message to update was never delivered");
                    return false;
                }
                default -> {
                    // The original is waiting for a retry: the update follows it, never overtakes it.
                    setStatus(row.id(), "PENDING", original.nextAttemptAt(), row.attempts(), null);
                    return false;
                }
            }
        }
        setStatus(row.id(), "SENDING", now, row.attempts(), null);
        try {
            MessageRef ref = switch (row.kind()) {
                case "DIRECT" -> port.sendDirect(new PersonId(row.recipient()), message);
                case "POST" -> port.post(new ChannelId(row.recipient()), message);
                case "UPDATE" -> {
                    port.update(updateTarget, message);
                    yield updateTarget;
                }
                default -> throw DeliveryException.permanent("unknown outbox kind " + row.kind());
            };
            Instant deliveredAt = clock.instant();
            database.inTransaction(h -> h.createUpdate("""
                            UPDATE outbox SET status = 'DELIVERED', delivered_at = :at, message_ref = :ref,
                                   attempts = attempts + 1, last_error = NULL
                            WHERE id = :id""")
                    .bind("at", deliveredAt).bind("ref", ref.value()).bind("id", row.id()).execute());
            return true;
        } catch (DeliveryException e) {
            retryOrFail(row, e.retryable(), e.retryAfter().orElse(null), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("outbox row {} failed unexpectedly", row.id(), e);
            retryOrFail(row, true, null, String.valueOf(e.getMessage()));
        }
        return false;
    }

    private void retryOrFail(Row row, boolean retryable, Duration retryAfter, String error) {
        int attempts = row.attempts() + 1;
        if (!retryable || attempts >= MAX_ATTEMPTS) {
            log.warn("outbox row {} ({} to {}) failed for good after {} attempts: {}", row.id(), row.kind(),
                    row.recipient(), attempts, error);
            fail(row, error);
            return;
        }
        Duration wait = retryAfter != null ? retryAfter : backoff(attempts);
        setStatus(row.id(), "PENDING", clock.instant().plus(wait), attempts, error);
    }

    static Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void fail(Row row, String error) {
        setStatus(row.id(), "FAILED", clock.instant(), row.attempts() + 1, error);
    }

    private void setStatus(long id, String status, Instant nextAttemptAt, int attempts, String error) {
        database.inTransaction(h -> h.createUpdate("""
                        UPDATE outbox SET status = :status, next_attempt_at = :next, attempts = :attempts,
                               last_error = :error
                        WHERE id = :id""")
                .bind("status", status).bind("next", nextAttemptAt).bind("attempts", attempts)
                .bindByType("error", error, String.class).bind("id", id).execute());
    }

    private Original original(long id) {
        return database.read(h -> h.createQuery("SELECT status, message_ref, next_attempt_at FROM outbox WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Original(rs.getString("status"), rs.getString("message_ref"),
                        Instant.ofEpochMilli(rs.getLong("next_attempt_at"))))
                .one());
    }

    /** Tells the background worker that new rows were committed. */
    public void wake() {
        wakeUp.release();
    }

    /** Delivers in the background: at once when woken, and at least every second for retries that fall due. */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    deliverDue();
                    wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.error("outbox dispatcher pass failed; trying again", e);
                }
            }
        }, "outbox-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void close() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
