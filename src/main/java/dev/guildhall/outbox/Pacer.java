package dev.guildhall.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, on the bot's clock, whether a send may go now: token buckets per channel and per workspace, and a stop
 * on a method for a whole workspace after the platform answered "rate limited, retry after …" (Slack's limits
 * are per method, per workspace, per app). Memory only: after a
 * restart the buckets start full, and the platform's next 429 sets the stop again.
 */
final class Pacer {
    private static final Duration IDLE = Duration.ofMinutes(2);
    /** One token, give or take the rounding of refills computed in nanoseconds. */
    private static final double WHOLE = 1 - 1e-9;

    private final SendPace pace;
    private final SharedPace shared;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Instant> stoppedUntil = new HashMap<>();

    Pacer(SendPace pace) {
        this(pace, null);
    }

    /**
     * @param shared where several replicas send (PostgreSQL): the workspace's pace and the platform's stops are
     *               kept there, per method, for all of them; null for one replica, which keeps them in memory
     */
    Pacer(SendPace pace, SharedPace shared) {
        this.pace = pace;
        this.shared = shared;
    }

    /** Where a send goes, as the limits count it. */
    record Target(String platform, String workspace, String channel, String method) {
    }

    private static final class Bucket {
        final double capacity;
        final double perSecond;
        double tokens;
        Instant at;
        Instant lastTaken;

        Bucket(SendPace.Rate rate, Instant now) {
            this.capacity = rate.burst();
            this.perSecond = rate.perSecond();
            this.tokens = capacity;
            this.at = now;
            this.lastTaken = now;
        }

        void refill(Instant now) {
            if (now.isAfter(at)) {
                tokens = Math.min(capacity, tokens + (Duration.between(at, now).toNanos() / 1e9) * perSecond);
                at = now;
            }
        }
    }

    /** Whether a send may go now, and if not, how wide the wait is. */
    enum Verdict { GO, CHANNEL_BUSY, WORKSPACE_BUSY, PLATFORM_STOPPED }

    /** Takes a place for one send if the limits allow it now; otherwise takes nothing and returns false. */
    boolean tryAcquire(Target target, Instant now) {
        return acquire(target, now) == Verdict.GO;
    }

    /** Takes a place for one send if the limits allow it now; otherwise takes nothing and says what is full. */
    synchronized Verdict acquire(Target target, Instant now) {
        Instant stop = stoppedUntil.get(stopKey(target));
        if (stop != null) {
            if (now.isBefore(stop)) {
                return Verdict.PLATFORM_STOPPED;
            }
            stoppedUntil.remove(stopKey(target));
        }
        var limits = pace.of(target.platform());
        if (limits.isEmpty()) {
            return Verdict.GO;
        }
        if (shared != null) {
            return acquireShared(target, limits.get(), now);
        }
        Bucket workspace = bucket("w|" + target.workspace(), limits.get().perWorkspace(), now);
        if (workspace.tokens < WHOLE) {
            return Verdict.WORKSPACE_BUSY;
        }
        Bucket channel = bucket("c|" + target.channel(), limits.get().perChannel(), now);
        if (channel.tokens < WHOLE) {
            return Verdict.CHANNEL_BUSY;
        }
        channel.tokens--;
        workspace.tokens--;
        channel.lastTaken = now;
        workspace.lastTaken = now;
        return Verdict.GO;
    }

    /**
     * The channel's bucket stays in memory (a replica rarely sends to the same channel as another at the same
     * moment, and it saves a round trip); the workspace's, per method, is the row all replicas share, asked last so
     * that a busy channel costs no query.
     */
    private Verdict acquireShared(Target target, SendPace.Limits limits, Instant now) {
        Bucket channel = bucket("c|" + target.channel(), limits.perChannel(), now);
        if (channel.tokens < WHOLE) {
            return Verdict.CHANNEL_BUSY;
        }
        if (!shared.take(stopKey(target), limits.perWorkspace(), now)) {
            return Verdict.WORKSPACE_BUSY;
        }
        channel.tokens--;
        channel.lastTaken = now;
        return Verdict.GO;
    }

    /** Until when the platform told this method in this workspace to wait, if it still must. */
    synchronized Optional<Instant> stoppedUntil(Target target, Instant now) {
        Instant stop = stoppedUntil.get(stopKey(target));
        return stop != null && now.isBefore(stop) ? Optional.of(stop) : Optional.empty();
    }

    /** The platform said to wait: nothing more goes through this method in this workspace until then. */
    synchronized void stop(Target target, Instant until) {
        stoppedUntil.merge(stopKey(target), until, (a, b) -> a.isAfter(b) ? a : b);
        if (shared != null) {
            shared.stop(stopKey(target), until);
        }
    }

    /** Forgets buckets that have been full for a while, so a fan-out to thousands of DMs leaves nothing behind. */
    synchronized void forgetIdle(Instant now) {
        buckets.values().removeIf(bucket -> bucket.lastTaken.plus(IDLE).isBefore(now));
    }

    private Bucket bucket(String key, SendPace.Rate rate, Instant now) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(rate, now));
        bucket.refill(now);
        return bucket;
    }

    private static String stopKey(Target target) {
        return target.workspace() + "|" + target.method();
    }
}
