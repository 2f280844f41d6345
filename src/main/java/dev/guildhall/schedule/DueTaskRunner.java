package dev.guildhall.schedule;

import dev.guildhall.store.Database;
import dev.guildhall.store.Purge;
import dev.guildhall.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs every task whose time has come, each in its own transaction that claims it, runs it and marks it done, so a
 * task runs once even if the process stops half-way through the batch. A failing task is retried a few times, then
 * given up with its error kept in the row.
 *
 * <p>Several replicas on one PostgreSQL database run their runners side by side: each claims the next due task with
 * {@code FOR UPDATE SKIP LOCKED}, so two replicas never take the same task and never wait for each other. The lock
 * lasts as long as the task's transaction: a replica that dies mid-task loses its connection, the database rolls the
 * transaction back, and the task — still not done — is the next one another replica claims. No lease to expire, no
 * clock to agree on. On SQLite the write transaction itself excludes every other writer.
 */
public final class DueTaskRunner {
    private static final Logger log = LoggerFactory.getLogger(DueTaskRunner.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration RETRY_DELAY = Duration.ofMinutes(1);

    private final Database database;
    private final Clock clock;
    private final Function<String, Optional<TaskHandler>> handlers;
    private final String claimNext;

    public DueTaskRunner(Database database, Clock clock, Function<String, Optional<TaskHandler>> handlers) {
        this.database = database;
        this.clock = clock;
        this.handlers = handlers;
        this.claimNext = """
                SELECT id, kind, subject, attempts FROM scheduled_task
                WHERE done_at IS NULL AND due_at <= :now ORDER BY due_at, id LIMIT 1"""
                + database.dialect().skipLocked();
    }

    private record DueTask(long id, String kind, long subject, int attempts) {
    }

    /** Deletes tasks finished (done or cancelled) before {@code cutoff}; waiting tasks are never touched. */
    public int purgeFinished(Instant cutoff) {
        return Purge.rows(database, "scheduled_task", "t.done_at IS NOT NULL AND t.done_at < :cutoff",
                binds -> binds.bind("cutoff", cutoff));
    }

    /** Runs what is due now; returns how many tasks ran. */
    public synchronized int runDue() {
        int ran = 0;
        Set<Long> failed = new HashSet<>();
        while (true) {
            Instant now = clock.instant();
            if (!anyDue(now)) {
                return ran;
            }
            Optional<DueTask> done;
            DueTask[] claimed = new DueTask[1];
            try {
                done = database.inTransaction(h -> {
                    Optional<DueTask> next = h.createQuery(claimNext)
                            .bind("now", now)
                            .mapTo(DueTask.class).findOne();
                    if (next.isEmpty()) {
                        return next;
                    }
                    DueTask task = next.get();
                    claimed[0] = task;
                    if (failed.contains(task.id())) {
                        // Its failure could not even be recorded: leave it for the next pass rather than spin.
                        return Optional.<DueTask>empty();
                    }
                    h.createUpdate("UPDATE scheduled_task SET done_at = :now WHERE id = :id")
                            .bind("now", now).bind("id", task.id()).execute();
                    TaskHandler handler = handlers.apply(task.kind()).orElseThrow(
                            () -> new IllegalStateException("no handler for task kind " + task.kind()));
                    handler.run(task.subject(), new UnitOfWork(h, now));
                    return next;
                });
            } catch (RuntimeException e) {
                DueTask task = claimed[0];
                if (task == null) {
                    throw e;
                }
                failed.add(task.id());
                recordFailure(task, now, e);
                continue;
            }
            if (done.isEmpty()) {
                return ran;
            }
            ran++;
        }
    }

    /** When the earliest task still to run is due, if any. */
    public Optional<Instant> nextDueAt() {
        return database.read(h -> h.createQuery(
                        "SELECT due_at FROM scheduled_task WHERE done_at IS NULL ORDER BY due_at LIMIT 1")
                .mapTo(Instant.class).findFirst());
    }

    /** A plain read first: most ticks find nothing due, and then take no write lock (SQLite) or row lock at all. */
    private boolean anyDue(Instant now) {
        return database.read(h -> h.createQuery(
                        "SELECT id FROM scheduled_task WHERE done_at IS NULL AND due_at <= :now LIMIT 1")
                .bind("now", now).mapTo(Long.class).findFirst()).isPresent();
    }

    private void recordFailure(DueTask task, Instant now, RuntimeException e) {
        log.warn("task {} ({} #{}) failed on attempt {}", task.id(), task.kind(), task.subject(),
                task.attempts() + 1, e);
        boolean giveUp = task.attempts() + 1 >= MAX_ATTEMPTS;
        try {
            database.inTransaction(h -> h.createUpdate("""
                            UPDATE scheduled_task SET attempts = attempts + 1, last_error = :error,
                                   due_at = :retryAt, done_at = :doneAt
                            WHERE id = :id AND done_at IS NULL""")
                    .bind("error", String.valueOf(e.getMessage()))
                    .bind("retryAt", now.plus(RETRY_DELAY))
                    .bindByType("doneAt", giveUp ? now : null, Instant.class)
                    .bind("id", task.id())
                    .execute());
        } catch (RuntimeException again) {
            log.error("could not record the failure of task {}", task.id(), again);
        }
    }
}
