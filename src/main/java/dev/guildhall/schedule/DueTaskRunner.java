package dev.guildhall.schedule;

import dev.guildhall.store.Database;
import dev.guildhall.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs every task whose time has come, each in its own transaction that also marks it done, so a task runs once
 * even if the process stops half-way through the batch. A failing task is retried a few times, then given up with
 * its error kept in the row.
 */
public final class DueTaskRunner {
    private static final Logger log = LoggerFactory.getLogger(DueTaskRunner.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration RETRY_DELAY = Duration.ofMinutes(1);
    private static final int BATCH = 200;

    private final Database database;
    private final Clock clock;
    private final Function<String, Optional<TaskHandler>> handlers;

    public DueTaskRunner(Database database, Clock clock, Function<String, Optional<TaskHandler>> handlers) {
        this.database = database;
        this.clock = clock;
        this.handlers = handlers;
    }

    private record DueTask(long id, String kind, long subject, int attempts) {
    }

    /** Runs what is due now; returns how many tasks ran. */
    public synchronized int runDue() {
        int ran = 0;
        while (true) {
            Instant now = clock.instant();
            List<DueTask> due = database.read(h -> h.createQuery("""
                            SELECT id, kind, subject, attempts FROM scheduled_task
                            WHERE done_at IS NULL AND due_at <= :now ORDER BY due_at, id LIMIT :limit""")
                    .bind("now", now)
                    .bind("limit", BATCH)
                    .map((rs, ctx) -> new DueTask(rs.getLong("id"), rs.getString("kind"), rs.getLong("subject"),
                            rs.getInt("attempts")))
                    .list());
            if (due.isEmpty()) {
                return ran;
            }
            for (DueTask task : due) {
                runOne(task, now);
                ran++;
            }
        }
    }

    private void runOne(DueTask task, Instant now) {
        try {
            database.inTransaction(h -> {
                int claimed = h.createUpdate("UPDATE scheduled_task SET done_at = :now WHERE id = :id AND done_at IS NULL")
                        .bind("now", now).bind("id", task.id()).execute();
                if (claimed == 1) {
                    TaskHandler handler = handlers.apply(task.kind()).orElseThrow(
                            () -> new IllegalStateException("no handler for task kind " + task.kind()));
                    handler.run(task.subject(), new UnitOfWork(h, now));
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("task {} ({} #{}) failed on attempt {}", task.id(), task.kind(), task.subject(),
                    task.attempts() + 1, e);
            boolean giveUp = task.attempts() + 1 >= MAX_ATTEMPTS;
            database.inTransaction(h -> h.createUpdate("""
                            UPDATE scheduled_task SET attempts = attempts + 1, last_error = :error,
                                   due_at = :retryAt, done_at = :doneAt
                            WHERE id = :id""")
                    .bind("error", String.valueOf(e.getMessage()))
                    .bind("retryAt", now.plus(RETRY_DELAY))
                    .bindByType("doneAt", giveUp ? now : null, Instant.class)
                    .bind("id", task.id())
                    .execute());
        }
    }
}
