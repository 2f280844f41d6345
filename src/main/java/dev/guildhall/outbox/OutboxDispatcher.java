package dev.guildhall.outbox;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers outbox rows through the chat port, oldest first, at the pace each platform allows ({@link SendPace}).
 *
 * <p>Exactly once, as far as a chat platform allows: a row is claimed (PENDING → SENDING, only if still PENDING)
 * before the platform is called and marked DELIVERED after, each in its own commit. Rows left SENDING by a stop are
 * the only ambiguous ones: the platform may have taken the message just before the process died, and then that one
 * message arrives twice. Every other row is either DELIVERED (never sent again) or PENDING (never sent yet), so a
 * fan-out resumed after a crash skips nobody and doubles nobody else.
 *
 * <p>One replica (SQLite): a restart puts rows left SENDING back to PENDING. Several replicas (PostgreSQL): every
 * replica runs a dispatcher. The claim takes the row with {@code FOR UPDATE SKIP LOCKED} and records who claimed it
 * and when, so two replicas never send the same row and never wait on each other; a claim older than {@link #LEASE}
 * belongs to a replica that died mid-send, and the next pass of any replica puts it back to PENDING. A restarting
 * replica leaves SENDING rows alone: they may be another replica's sends in flight.
 *
 * <p>On "rate limited, retry after N" the row waits N, and so does everything else sent through the same method on
 * that platform; other failures that may pass are retried with exponential back-off, up to {@link #MAX_ATTEMPTS}.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int PAGE = 200;
    /** At most this many address prefixes are left out of one pass's scan (see {@link #deliverDue()}). */
    private static final int MAX_SKIPPED_PREFIXES = 20;
    /** How long a replica may take to send a claimed row before others take it as dead: far above any API timeout. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private final Database database;
    private final ChatPort port;
    private final Clock clock;
    private final Pacer pacer;
    private final BatchProgress progress;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean heldBack;
    /** Set by {@link #deliver} when a row waits for a whole workspace or platform: the address prefix that waits. */
    private String busyPrefix;
    private final String replica = "replica-" + UUID.randomUUID().toString().substring(0, 8);
    private final boolean shared;
    private final String claim;

    public OutboxDispatcher(Database database, ChatPort port, Clock clock) {
        this(database, port, clock, SendPace.defaults());
    }

    public OutboxDispatcher(Database database, ChatPort port, Clock clock, SendPace pace) {
        this.database = database;
        this.port = port;
        this.clock = clock;
        this.pacer = new Pacer(pace);
        this.progress = new BatchProgress(database);
        this.shared = database.dialect().shared();
        this.claim = """
                UPDATE outbox SET status = 'SENDING', claimed_by = :replica, claimed_at = :now
                WHERE id = (SELECT id FROM outbox WHERE id = :id AND status = 'PENDING'"""
                + database.dialect().skipLocked() + ") RETURNING payload";
        if (!shared) {
            int resumed = database.inTransaction(h -> h.createUpdate(
                    "UPDATE outbox SET status = 'PENDING' WHERE status = 'SENDING'").execute());
            if (resumed > 0) {
                log.warn("resuming {} outbox deliveries interrupted by the last stop (they may arrive twice)", resumed);
            }
        }
    }

    /** Puts back to PENDING the rows whose claim outlived the lease: their replica died while sending them. */
    private void releaseExpiredClaims(Instant now) {
        int released = database.inTransaction(h -> h.createUpdate("""
                        UPDATE outbox SET status = 'PENDING', claimed_by = NULL
                        WHERE status = 'SENDING' AND claimed_at < :cutoff""")
                .bind("cutoff", now.minus(LEASE)).execute());
        if (released > 0) {
            log.warn("{} outbox deliveries were claimed by a replica that stopped mid-send; sending them again (they"
                    + " may arrive twice)", released);
        }
    }

    record Row(long id, String kind, String recipient, Long updatesId, Long batchId, int attempts) {
    }

    private record Original(String status, String messageRef, Instant nextAttemptAt) {
    }

    private enum Outcome { DELIVERED, DONE_OTHERWISE, HELD_BACK }

    /**
     * Delivers everything due now that the platforms' pace allows; returns how many rows were delivered. What the
     * pace holds back stays due for the next call.
     */
    public synchronized int deliverDue() {
        if (shared) {
            releaseExpiredClaims(clock.instant());
        }
        int delivered = 0;
        long after = 0;
        boolean anyHeldBack = false;
        Set<Long> batches = new LinkedHashSet<>();
        // Recipients in a workspace (or platform) that is out of budget for this pass: later pages leave them out,
        // so a big fan-out held back by the pace costs a page per pass, not a scan of every waiting row.
        List<String> busy = new ArrayList<>();
        while (true) {
            Instant now = clock.instant();
            long cursor = after;
            List<String> skipped = List.copyOf(busy);
            List<Row> due = database.read(h -> {
                StringBuilder sql = new StringBuilder("""
                        SELECT id, kind, recipient, updates_id, batch_id, attempts FROM outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= :now AND id > :after""");
                for (int i = 0; i < skipped.size(); i++) {
                    sql.append(" AND (recipient IS NULL OR substr(recipient, 1, length(:p").append(i)
                            .append(")) <> :p").append(i).append(')');
                }
                sql.append(" ORDER BY id LIMIT :limit");
                var query = h.createQuery(sql.toString())
                        .bind("now", now)
                        .bind("after", cursor)
                        .bind("limit", PAGE);
                for (int i = 0; i < skipped.size(); i++) {
                    query.bind("p" + i, skipped.get(i));
                }
                return query.map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                                rs.getObject("updates_id") == null ? null : rs.getLong("updates_id"),
                                rs.getObject("batch_id") == null ? null : rs.getLong("batch_id"),
                                rs.getInt("attempts")))
                        .list();
            });
            if (due.isEmpty()) {
                break;
            }
            for (Row row : due) {
                if (row.recipient() != null && busy.stream().anyMatch(row.recipient()::startsWith)) {
                    anyHeldBack = true;
                    after = row.id();
                    continue;
                }
                busyPrefix = null;
                Outcome outcome = deliver(row);
                if (outcome == Outcome.DELIVERED) {
                    delivered++;
                }
                if (outcome == Outcome.HELD_BACK) {
                    anyHeldBack = true;
                    if (busyPrefix != null && busy.size() < MAX_SKIPPED_PREFIXES && !busy.contains(busyPrefix)) {
                        busy.add(busyPrefix);
                    }
                } else if (row.batchId() != null) {
                    batches.add(row.batchId());
                }
                after = row.id();
            }
            progress.refresh(batches, clock.instant());
        }
        heldBack = anyHeldBack;
        pacer.forgetIdle(clock.instant());
        return delivered;
    }

    private Outcome deliver(Row row) {
        Instant now = clock.instant();
        MessageRef updateTarget = null;
        if (row.kind().equals("UPDATE")) {
            Original original = original(row.updatesId());
            switch (original.status()) {
                case "DELIVERED" -> updateTarget = new MessageRef(original.messageRef());
                case "FAILED", "SUPERSEDED" -> {
                    fail(row, "the message to update was never delivered");
                    return Outcome.DONE_OTHERWISE;
                }
                default -> {
                    // The original is waiting for a retry: the update follows it, never overtakes it.
                    setStatus(row.id(), "PENDING", later(original.nextAttemptAt(), now), row.attempts(), null);
                    return Outcome.DONE_OTHERWISE;
                }
            }
        }
        Pacer.Target target = target(row, updateTarget);
        Pacer.Verdict verdict = pacer.acquire(target, now);
        if (verdict != Pacer.Verdict.GO) {
            // Updates carry no workspace in their address; only sends can be left out of the rest of the scan.
            if (!row.kind().equals("UPDATE")) {
                busyPrefix = switch (verdict) {
                    case WORKSPACE_BUSY -> target.workspace() + ":";
                    case PLATFORM_STOPPED -> target.platform() + ":";
                    default -> null;
                };
            }
            return Outcome.HELD_BACK;
        }
        Optional<String> payload = claim(row.id(), now);
        if (payload.isEmpty()) {
            return Outcome.DONE_OTHERWISE;
        }
        try {
            MessageRef ref = switch (row.kind()) {
                case "DIRECT" -> port.sendDirect(new PersonId(row.recipient()), MessageJson.read(payload.get()));
                case "POST" -> port.post(new ChannelId(row.recipient()), MessageJson.read(payload.get()));
                case "UPDATE" -> {
                    port.update(updateTarget, MessageJson.read(payload.get()));
                    yield updateTarget;
                }
                case "FILE_DIRECT" -> port.sendFileDirect(new PersonId(row.recipient()),
                        MessageJson.readFile(payload.get()));
                case "FILE_POST" -> port.postFile(new ChannelId(row.recipient()), MessageJson.readFile(payload.get()));
                case "DELETE_FILE" -> {
                    MessageRef file = new MessageRef(MessageJson.readFileRef(payload.get()));
                    port.deleteFile(file);
                    yield file;
                }
                // Channel operations keep the channel where messages keep their ref.
                case "CHANNEL" -> {
                    ChannelRequest request = ChannelRequest.read(payload.get());
                    yield new MessageRef(port.createChannel(request.name(), request.people()).value());
                }
                case "ARCHIVE" -> {
                    port.archiveChannel(new ChannelId(row.recipient()));
                    yield new MessageRef(row.recipient());
                }
                default -> throw DeliveryException.permanent("unknown outbox kind " + row.kind());
            };
            Instant deliveredAt = clock.instant();
            database.inTransaction(h -> {
                h.createUpdate("""
                                UPDATE outbox SET status = 'DELIVERED', delivered_at = :at, message_ref = :ref,
                                       attempts = attempts + 1, last_error = NULL
                                WHERE id = :id""")
                        .bind("at", deliveredAt).bind("ref", ref.value()).bind("id", row.id()).execute();
                return scheduleFollowUp(h, row.id(), deliveredAt);
            });
            return Outcome.DELIVERED;
        } catch (DeliveryException e) {
            if (e.retryAfter().isPresent()) {
                Instant until = clock.instant().plus(e.retryAfter().get());
                pacer.stop(target, until);
                // A rate limit is the platform's pace, not a failure of this message: it does not use up an attempt.
                setStatus(row.id(), "PENDING", until, row.attempts(), e.getMessage());
            } else {
                retryOrFail(row, e.retryable(), e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("outbox row {} failed unexpectedly", row.id(), e);
            retryOrFail(row, true, String.valueOf(e.getMessage()));
        }
        return Outcome.DONE_OTHERWISE;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Where the limits count a send: its platform, workspace, channel (a DM counts as its own channel), method. */
    static Pacer.Target target(Row row, MessageRef updateTarget) {
        String address = updateTarget != null ? updateTarget.value() : row.recipient();
        int colon = address.indexOf(':');
        String platform = colon < 0 ? address : address.substring(0, colon);
        int last = address.lastIndexOf(':');
        String parent = last <= colon ? platform : address.substring(0, last);
        return switch (row.kind()) {
            // Message refs are the adapter's own (channel and timestamp); the workspace is not in them.
            case "UPDATE" -> new Pacer.Target(platform, platform, parent, "update");
            case "CHANNEL", "ARCHIVE" -> new Pacer.Target(platform, parent, address, "conversations");
            default -> new Pacer.Target(platform, parent, address, "post");
        };
    }

    /**
     * Marks a row SENDING if it is still PENDING, and only then returns its message. The payload is read here, not
     * in the scan: a pass may look at many rows the pace holds back, and payloads can be large.
     */
    private Optional<String> claim(long id, Instant now) {
        return database.inTransaction(h -> h.createQuery(claim)
                .bind("id", id).bind("replica", replica).bind("now", now).mapTo(String.class).findOne());
    }

    private void retryOrFail(Row row, boolean retryable, String error) {
        int attempts = row.attempts() + 1;
        if (!retryable || attempts >= MAX_ATTEMPTS) {
            log.warn("outbox row {} ({} to {}) failed for good after {} attempts: {}", row.id(), row.kind(),
                    row.recipient(), attempts, error);
            fail(row, error);
            return;
        }
        setStatus(row.id(), "PENDING", clock.instant().plus(backoff(attempts)), attempts, error);
    }

    static Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** Failing and asking for the follow-up commit together: whoever sees FAILED also finds the follow-up due. */
    private void fail(Row row, String error) {
        Instant now = clock.instant();
        database.inTransaction(h -> {
            h.createUpdate("""
                            UPDATE outbox SET status = 'FAILED', next_attempt_at = :now, attempts = :attempts,
                                   last_error = :error
                            WHERE id = :id""")
                    .bind("now", now).bind("attempts", row.attempts() + 1)
                    .bindByType("error", error, String.class).bind("id", row.id()).execute();
            return scheduleFollowUp(h, row.id(), now);
        });
    }

    /** A row that asked for a follow-up (channel operations do) makes its task due now that it is settled. */
    private static int scheduleFollowUp(Handle h, long id, Instant now) {
        return h.createUpdate("""
                        INSERT INTO scheduled_task (kind, subject, due_at, created_at)
                        SELECT follow_up_task, follow_up_subject, :now, :now FROM outbox
                        WHERE id = :id AND follow_up_task IS NOT NULL""")
                .bind("now", now).bind("id", id).execute();
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

    /**
     * Delivers in the background: at once when woken, soon again while the pace holds rows back, and at least every
     * second for retries that fall due.
     */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    deliverDue();
                    wakeUp.tryAcquire(heldBack ? 250 : 1_000, TimeUnit.MILLISECONDS);
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
