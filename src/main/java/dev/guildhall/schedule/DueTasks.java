package dev.guildhall.schedule;

import dev.guildhall.store.UnitOfWork;

import java.time.Instant;

/** Schedules and cancels timed work inside a command's transaction, so it commits with the effect that needs it. */
public final class DueTasks {
    private final UnitOfWork work;

    public DueTasks(UnitOfWork work) {
        this.work = work;
    }

    public void schedule(String kind, long subject, Instant dueAt) {
        work.handle().createUpdate("""
                        INSERT INTO scheduled_task (kind, subject, due_at, created_at)
                        VALUES (:kind, :subject, :dueAt, :now)""")
                .bind("kind", kind)
                .bind("subject", subject)
                .bind("dueAt", dueAt)
                .bind("now", work.now())
                .execute();
    }

    /**
     * Schedules unless a unique index on {@code scheduled_task} already holds a waiting task like it (see the
     * migration that declares one for the kind); returns whether it was scheduled.
     */
    public boolean scheduleUnlessWaiting(String kind, long subject, Instant dueAt) {
        return work.handle().createUpdate("""
                        INSERT INTO scheduled_task (kind, subject, due_at, created_at)
                        VALUES (:kind, :subject, :dueAt, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("kind", kind)
                .bind("subject", subject)
                .bind("dueAt", dueAt)
                .bind("now", work.now())
                .execute() == 1;
    }

    public void cancel(String kind, long subject) {
        work.handle().createUpdate("""
                        UPDATE scheduled_task SET done_at = :now, last_error = 'cancelled'
                        WHERE kind = :kind AND subject = :subject AND done_at IS NULL""")
                .bind("kind", kind)
                .bind("subject", subject)
                .bind("now", work.now())
                .execute();
    }
}
