package dev.guildhall.outbox;

import dev.guildhall.store.Database;

import java.time.Instant;

/**
 * The pace of a workspace's method shared by every replica (PostgreSQL): one token bucket row per workspace and
 * method, refilled and taken from in one atomic statement, and the platform's "retry after" stored on the same row
 * so that a 429 one replica gets stops the others too. Chosen over electing one sender per workspace: no leader to
 * lose, to hand over or to wait for after a crash, every replica keeps sending, and the cost is one short row
 * update per send, which is small beside the platform call it paces.
 */
final class SharedPace {
    /** One token, give or take the rounding of refills (as in {@link Pacer}). */
    private static final double WHOLE = 1 - 1e-9;

    private final Database database;

    SharedPace(Database database) {
        this.database = database;
    }

    /** Takes one send from the bucket if it holds one and no stop is on; otherwise takes nothing. */
    boolean take(String bucket, SendPace.Rate rate, Instant now) {
        return database.inTransaction(h -> h.createQuery("""
                        INSERT INTO send_pace AS p (bucket, tokens, refilled_at, stopped_until)
                        VALUES (:bucket, :burst - 1, :now, 0)
                        ON CONFLICT (bucket) DO UPDATE SET
                            tokens = LEAST(:burst, p.tokens + GREATEST(0, :now - p.refilled_at) * :perMilli) - 1,
                            refilled_at = GREATEST(p.refilled_at, :now)
                        WHERE p.stopped_until <= :now
                          AND LEAST(:burst, p.tokens + GREATEST(0, :now - p.refilled_at) * :perMilli) >= :whole
                        RETURNING p.tokens""")
                .bind("bucket", bucket).bind("burst", rate.burst()).bind("now", now.toEpochMilli())
                .bind("perMilli", rate.perSecond() / 1000).bind("whole", WHOLE)
                .mapTo(Double.class).findOne().isPresent());
    }

    /** The platform said to wait: no replica sends through this bucket until then. */
    void stop(String bucket, Instant until) {
        database.inTransaction(h -> h.createUpdate("""
                        INSERT INTO send_pace AS p (bucket, tokens, refilled_at, stopped_until)
                        VALUES (:bucket, 0, :until, :until)
                        ON CONFLICT (bucket) DO UPDATE SET stopped_until = GREATEST(p.stopped_until, :until)""")
                .bind("bucket", bucket).bind("until", until.toEpochMilli()).execute());
    }
}
