package dev.guildhall.outbox;

import dev.guildhall.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is sending which row. A row is claimed (PENDING → SENDING, only if still PENDING) before the platform is
 * called, with the rest of its page in one commit. On PostgreSQL the claim passes over rows another replica holds ({@code FOR UPDATE SKIP
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
                WHERE id IN (SELECT id FROM outbox WHERE id IN (<ids>) AND status = 'PENDING'"""
                + database.dialect().skipLocked() + ") RETURNING id, payload";
    }

    /**
     * Marks a row SENDING if it is still PENDING, and only then returns its payload. The payload is read here, not
     * in the scan: a pass may look at many rows the pace holds back, and payloads can be large.
     */
    Optional<String> claim(long id, Instant now) {
        return Optional.ofNullable(claim(List.of(id), now).get(id));
    }

    /**
     * Claims a page of rows in one statement: each still PENDING (and, on PostgreSQL, not locked by another replica's
     * claim) turns SENDING; returns the payloads of the rows claimed, by id.
     */
    Map<Long, String> claim(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return database.inTransaction(h -> {
            Map<Long, String> payloads = new HashMap<>();
            h.createQuery(claim).bindList("ids", ids).bind("replica", replica).bind("now", now)
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("payload")))
                    .forEach(entry -> payloads.put(entry.getKey(), entry.getValue()));
            return payloads;
        });
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
