package dev.guildhall.outbox;

import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.MessageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attempts at due rows: wait for its original if it is an update, ask the pace, claim it (a page of rows at a
 * time), call the platform for its kind, and settle it — delivered, back to PENDING for a retry, or failed.
 *
 * <p>On "rate limited, retry after N" the row waits N, and so does everything else sent through the same method on
 * that platform; other failures that may pass are retried as the {@link RetryPolicy} says.
 */
final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final ChatPort port;
    private final Clock clock;
    private final Pacer pacer;
    private final OutboxRows rows;
    private final OutboxClaims claims;
    private final RetryPolicy retries;

    Delivery(ChatPort port, Clock clock, Pacer pacer, OutboxRows rows, OutboxClaims claims, RetryPolicy retries) {
        this.port = port;
        this.clock = clock;
        this.pacer = pacer;
        this.rows = rows;
        this.claims = claims;
        this.retries = retries;
    }

    enum Outcome {
        /** The platform took it. */
        DELIVERED,
        /** Not delivered, but done with for this pass: failed, put back for a retry, or claimed by someone else. */
        SETTLED,
        /** The pace allows no send there now; the row stays due as it is. */
        HELD_BACK
    }

    /** What preparing a row came to: settled or held back already, or ready to be claimed and sent. */
    sealed interface Step permits Attempt, Ready {
    }

    /**
     * @param busyPrefix when held back for a whole workspace or platform: the address prefix that waits, so the rest
     *                   of the pass can leave out every row starting with it
     */
    record Attempt(Outcome outcome, Optional<String> busyPrefix) implements Step {
        static final Attempt DELIVERED = new Attempt(Outcome.DELIVERED, Optional.empty());
        static final Attempt SETTLED = new Attempt(Outcome.SETTLED, Optional.empty());

        static Attempt heldBack(Optional<String> busyPrefix) {
            return new Attempt(Outcome.HELD_BACK, busyPrefix);
        }
    }

    /** A row the pace let through (its place is taken), to be claimed and sent with the rest of its page. */
    record Ready(OutboxRow row, String address, Pacer.Target target) implements Step {
    }

    /** One attempt at one row on its own: prepared, claimed, sent and settled. */
    Attempt attempt(OutboxRow row) {
        Step step = prepare(row);
        return step instanceof Ready ready ? sendPage(List.of(ready)).get(0) : (Attempt) step;
    }

    /**
     * Everything short of sending: an update waits for its original (or fails with it), and the pace is asked for a
     * place. A row this returns {@link Ready} must go through {@link #sendPage}.
     */
    Step prepare(OutboxRow row) {
        Instant now = clock.instant();
        String address = row.recipient();
        if (row.kind() == OutboxKind.UPDATE) {
            OutboxRows.Original original = rows.original(row.updatesId());
            switch (original.status()) {
                case DELIVERED -> address = original.messageRef();
                case FAILED, SUPERSEDED -> {
                    fail(row, "the message to update was never delivered");
                    return Attempt.SETTLED;
                }
                case PENDING, SENDING -> {
                    // The original is waiting for a retry: the update follows it, never overtakes it.
                    rows.pendingUntil(row.id(), later(original.nextAttemptAt(), now), row.attempts(), null);
                    return Attempt.SETTLED;
                }
            }
        }
        Pacer.Target target = row.kind().target(address);
        Pacer.Verdict verdict = pacer.acquire(target, now);
        if (verdict != Pacer.Verdict.GO) {
            return Attempt.heldBack(row.kind().addressNamesWorkspace() ? busyPrefix(verdict, target) : Optional.empty());
        }
        return new Ready(row, address, target);
    }

    /**
     * Claims a page of ready rows in one statement, calls the platform for each row claimed, and marks every one
     * delivered in one transaction (issue 19: two writes per page instead of two per message). Returns each row's
     * attempt, in the page's order. A row another replica claimed first is settled here; a row whose method the
     * platform stopped earlier in this page goes back to waiting, unsent.
     */
    List<Attempt> sendPage(List<Ready> page) {
        Instant claimedAt = clock.instant();
        Map<Long, String> payloads = claims.claim(page.stream().map(ready -> ready.row().id()).toList(), claimedAt);
        // Past half the lease, what is left of the page goes back unsent: a slow platform must not let the claim
        // expire while this replica still sends, or another replica would send the same rows again.
        Instant stopSending = claimedAt.plus(OutboxClaims.LEASE.dividedBy(2));
        List<Attempt> attempts = new ArrayList<>(page.size());
        List<OutboxRows.Delivered> delivered = new ArrayList<>();
        try {
            for (Ready ready : page) {
                String payload = payloads.get(ready.row().id());
                if (payload != null && clock.instant().isAfter(stopSending)) {
                    rows.pendingUntil(ready.row().id(), clock.instant(), ready.row().attempts(), null);
                    payload = null;
                }
                attempts.add(payload == null ? Attempt.SETTLED : send(ready, payload, delivered));
            }
        } finally {
            rows.delivered(delivered);
        }
        return attempts;
    }

    /** Calls the platform for a row this replica has claimed; a delivery is marked with the rest of its page. */
    private Attempt send(Ready ready, String payload, List<OutboxRows.Delivered> delivered) {
        OutboxRow row = ready.row();
        Optional<Instant> stopped = pacer.stoppedUntil(ready.target(), clock.instant());
        if (stopped.isPresent()) {
            rows.pendingUntil(row.id(), stopped.get(), row.attempts(), null);
            return Attempt.SETTLED;
        }
        try {
            MessageRef ref = row.kind().deliver(port, ready.address(), payload);
            delivered.add(new OutboxRows.Delivered(row, ref, clock.instant()));
            return Attempt.DELIVERED;
        } catch (DeliveryException e) {
            if (e.retryAfter().isPresent()) {
                waitForThePlatform(row, ready.target(), e.retryAfter().get(), e.getMessage());
            } else {
                retryOrFail(row, e.retryable(), e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("outbox row {} failed unexpectedly", row.id(), e);
            retryOrFail(row, true, String.valueOf(e.getMessage()));
        }
        return Attempt.SETTLED;
    }

    private static Optional<String> busyPrefix(Pacer.Verdict verdict, Pacer.Target target) {
        return switch (verdict) {
            case WORKSPACE_BUSY -> Optional.of(target.workspace() + ":");
            case PLATFORM_STOPPED -> Optional.of(target.platform() + ":");
            case GO, CHANNEL_BUSY -> Optional.empty();
        };
    }

    /** A rate limit is the platform's pace, not a failure of this message: it does not use up an attempt. */
    private void waitForThePlatform(OutboxRow row, Pacer.Target target, Duration retryAfter, String error) {
        Instant until = clock.instant().plus(retryAfter);
        pacer.stop(target, until);
        rows.pendingUntil(row.id(), until, row.attempts(), error);
    }

    private void retryOrFail(OutboxRow row, boolean retryable, String error) {
        int attempts = row.attempts() + 1;
        Optional<Duration> wait = retries.nextWait(attempts, retryable);
        if (wait.isEmpty()) {
            log.warn("outbox row {} ({} to {}) failed for good after {} attempts: {}", row.id(), row.kind(),
                    row.recipient(), attempts, error);
            fail(row, error);
            return;
        }
        rows.pendingUntil(row.id(), clock.instant().plus(wait.get()), attempts, error);
    }

    private void fail(OutboxRow row, String error) {
        rows.failed(row, error, clock.instant());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
