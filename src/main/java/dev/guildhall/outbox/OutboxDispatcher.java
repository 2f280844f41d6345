package dev.guildhall.outbox;

import dev.guildhall.core.ChatPort;
import dev.guildhall.store.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Delivers outbox rows through the chat port, oldest first, at the pace each platform allows ({@link SendPace}).
 *
 * <p>Exactly once, as far as a chat platform allows: rows are claimed ({@link OutboxClaims}) before the platform is
 * called and marked DELIVERED after, a page of up to {@link #CLAIM_PAGE} rows in one commit each. Rows left SENDING by
 * a stop are the only ambiguous ones: the platform may have taken them just before the process died, and then those
 * messages (at most one page) arrive twice.
 * Every other row is either DELIVERED (never sent again) or PENDING (never sent yet), so a fan-out resumed after a
 * crash skips nobody and doubles nobody else.
 *
 * <p>One replica (SQLite): a restart puts rows left SENDING back to PENDING. Several replicas (PostgreSQL): every
 * replica runs a dispatcher; each pass first puts back the rows whose claim outlived the lease. A restarting replica
 * leaves SENDING rows alone: they may be another replica's sends in flight.
 *
 * <p>This class runs passes: it scans due rows page by page, has a {@link Delivery} prepare each, and sends the ready ones a
 * claimed page at a time; the
 * {@link DispatchLoop} runs passes in the background.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final int PAGE = 200;
    /**
     * At most this many rows are claimed together and marked delivered together: a stop mid-page may send each of
     * them twice (they stay SENDING), so the page is kept small; at Slack's pace a page rarely fills anyway.
     */
    static final int CLAIM_PAGE = 32;
    /** At most this many address prefixes are left out of one pass's scan (see {@link #pass()}). */
    private static final int MAX_SKIPPED_PREFIXES = 20;

    private final Database database;
    private final Clock clock;
    private final Pacer pacer;
    private final OutboxRows rows;
    private final OutboxClaims claims;
    private final Delivery delivery;
    private final BatchProgress progress;
    private final DispatchLoop loop = new DispatchLoop(() -> pass().heldBack());
    private final boolean shared;

    public OutboxDispatcher(Database database, ChatPort port, Clock clock) {
        this(database, port, clock, SendPace.defaults());
    }

    public OutboxDispatcher(Database database, ChatPort port, Clock clock, SendPace pace) {
        this(database, port, clock, pace, RetryPolicy.standard());
    }

    public OutboxDispatcher(Database database, ChatPort port, Clock clock, SendPace pace, RetryPolicy retries) {
        this.database = database;
        this.clock = clock;
        this.pacer = database.dialect().shared() ? new Pacer(pace, new SharedPace(database)) : new Pacer(pace);
        this.rows = new OutboxRows(database);
        this.claims = new OutboxClaims(database);
        this.delivery = new Delivery(port, clock, pacer, rows, claims, retries);
        this.progress = new BatchProgress(database);
        this.shared = database.dialect().shared();
        if (!shared) {
            claims.resumeInterrupted();
        }
    }

    /** What one pass did: how many rows it delivered, and whether the pace held any back (they stay due). */
    public record Pass(int delivered, boolean heldBack) {
    }

    /**
     * Delivers everything due now that the platforms' pace allows; returns how many rows were delivered. What the
     * pace holds back stays due for the next call.
     */
    public int deliverDue() {
        return pass().delivered();
    }

    /** Delivers everything due now that the platforms' pace allows, and says what the pace held back. */
    public synchronized Pass pass() {
        if (shared) {
            claims.releaseExpired(clock.instant());
        }
        PassTally tally = new PassTally();
        long after = 0;
        List<OutboxRow> due;
        while (!(due = rows.due(clock.instant(), after, List.copyOf(tally.busy), PAGE)).isEmpty()) {
            List<Delivery.Ready> ready = new ArrayList<>();
            for (OutboxRow row : due) {
                after = row.id();
                if (row.recipient() != null && tally.busy.stream().anyMatch(row.recipient()::startsWith)) {
                    tally.heldBack = true;
                    continue;
                }
                if (row.kind() == OutboxKind.UPDATE) {
                    // An update may follow an original in this very page: that one is sent (and marked) first.
                    send(ready, tally);
                }
                Delivery.Step step = delivery.prepare(row);
                if (step instanceof Delivery.Ready one) {
                    ready.add(one);
                    if (ready.size() == CLAIM_PAGE) {
                        send(ready, tally);
                    }
                } else {
                    tally.count(row, (Delivery.Attempt) step);
                }
            }
            send(ready, tally);
            progress.refresh(tally.batches, clock.instant());
        }
        pacer.forgetIdle(clock.instant());
        return new Pass(tally.delivered, tally.heldBack);
    }

    private void send(List<Delivery.Ready> ready, PassTally tally) {
        if (ready.isEmpty()) {
            return;
        }
        List<Delivery.Attempt> attempts = delivery.sendPage(ready);
        for (int i = 0; i < ready.size(); i++) {
            tally.count(ready.get(i).row(), attempts.get(i));
        }
        ready.clear();
    }

    /** What a pass has done so far, and which workspaces (or platforms) it leaves out for the rest of it. */
    private static final class PassTally {
        int delivered;
        boolean heldBack;
        final Set<Long> batches = new LinkedHashSet<>();
        // Recipients in a workspace (or platform) that is out of budget for this pass: later pages leave them out,
        // so a big fan-out held back by the pace costs a page per pass, not a scan of every waiting row.
        final List<String> busy = new ArrayList<>();

        void count(OutboxRow row, Delivery.Attempt attempt) {
            switch (attempt.outcome()) {
                case DELIVERED -> delivered++;
                case HELD_BACK -> {
                    heldBack = true;
                    attempt.busyPrefix()
                            .filter(prefix -> busy.size() < MAX_SKIPPED_PREFIXES && !busy.contains(prefix))
                            .ifPresent(busy::add);
                }
                case SETTLED -> { }
            }
            if (attempt.outcome() != Delivery.Outcome.HELD_BACK && row.batchId() != null) {
                batches.add(row.batchId());
            }
        }
    }

    /** Deletes what was settled before {@code cutoff} and nothing needs any more (see {@link OutboxRows}). */
    public int purgeSettled(Instant cutoff) {
        return OutboxRows.purgeSettled(database, cutoff);
    }

    /** Tells the background worker that new rows were committed. */
    public void wake() {
        loop.wake();
    }

    /**
     * Delivers in the background: at once when woken, soon again while the pace holds rows back, and at least every
     * second for retries that fall due.
     */
    public void start() {
        loop.start();
    }

    @Override
    public void close() {
        loop.close();
    }
}
