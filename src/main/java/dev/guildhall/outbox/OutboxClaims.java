package dev.guildhall.outbox;

import dev.guildhall.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is sending which row. A row is claimed (PENDING → SENDING, only if still PENDING) before the platform is
 * called, in its own commit. On PostgreSQL the claim passes over rows another replica holds ({@code FOR UPDATE SKIP
 * LOCKED}) and records the replica and the time: a claim older than {@link #LEASE} belongs to a replica that died
 * mid-send. On SQLite there is one replica, so every SENDING row at a start was interrupted by the last stop.
 */
public final class OutboxClaims {
    private static final Logger log = LoggerFactory.getLogger(OutboxClaims.class);
    /** How long a replica may take to send a claimed row before others take it as dead: far above any API timeout. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private final Database database;
    private final String replica = "replica-" + UUID.randomUUID().toString().substring(0, 8);
    private final String claim;

    OutboxClaims(Database database) {
        this.database = database;
        this.claim = """
                UPDATE outbox SET status = 'SENDING', claimed_by = :replica, claimed_at = :now
                WHERE id = (SELECT id FROM outbox WHERE id = :id AND status = 'PENDING'"""
                + database.dialect().skipLocked() + ") RETURNING payload";
    }

    /**
     * Marks a row SENDING if it is still PENDING, and only then returns its payload. The payload is read here, not
     * in the scan: a pass may look at many rows the pace holds back, and payloads can be large.
     */
    Optional<String> claim(long id, Instant now) {
        return database.inTransaction(h -> h.createQuery(claim)
                .bind("id", id).bind("replica", replica).bind("now", now).mapTo(String.class).findOne());
    }

    /** One replica: puts back to PENDING every row the last stop left SENDING. */
    int resumeInterrupted() {
        int resumed = database.inTransaction(h -> h.createUpdate(
                "UPDATE outbox SET status = 'PENDING' WHERE status = 'SENDING'").execute());
        if (resumed > 0) {
            log.warn("resuming {} outbox deliveries interrupted by the last stop (they may arrive twice)", resumed);
        }
        return resumed;
    }

    /** Several replicas: puts back to PENDING the rows whose claim outlived the lease (their replica died). */
    int releaseExpired(Instant now) {
        int released = database.inTransaction(h -> h.createUpdate("""
                        UPDATE outbox SET status = 'PENDING', claimed_by = NULL
                        WHERE status = 'SENDING' AND claimed_at < :cutoff""")
                .bind("cutoff", now.minus(LEASE)).execute());
        if (released > 0) {
            log.warn("{} outbox deliveries were claimed by a replica that stopped mid-send; sending them again (they"
                    + " may arrive twice)", released);
        }
        return released;
    }
}
