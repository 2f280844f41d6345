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
