package dev.guildhall.schedule;

import dev.guildhall.core.AdjustableClock;
import dev.guildhall.store.Database;
import dev.guildhall.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A replica that dies in the middle of a task: the other one runs the task, once, without waiting for a lease. */
class DueTaskRunnerPostgresIT {
    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void aTaskWhoseReplicaDiesMidRunIsRunByTheOtherReplica() throws Exception {
        try (Postgres postgres = new Postgres()) {
            Map<String, String> env = postgres.env();
            try (Database a = Database.open(postgres.url(), env.get("GUILDHALL_DB_USER"),
                    env.get("GUILDHALL_DB_PASSWORD"));
                 Database b = Database.open(postgres.url(), env.get("GUILDHALL_DB_USER"),
                         env.get("GUILDHALL_DB_PASSWORD"))) {
                // Given a task due now, and replica A in the middle of running it (its handler is stuck)
                a.inTransaction(h -> h.execute("INSERT INTO scheduled_task (kind, subject, due_at, created_at)"
                        + " VALUES ('report', 7, ?, ?)", START.toEpochMilli(), START.toEpochMilli()));
                CountDownLatch started = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                DueTaskRunner runnerA = new DueTaskRunner(a, AdjustableClock.fixedAt(START),
                        kind -> Optional.of((subject, work) -> {
                            started.countDown();
                            try {
                                release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }));
                AtomicInteger ranOnB = new AtomicInteger();
                DueTaskRunner runnerB = new DueTaskRunner(b, AdjustableClock.fixedAt(START),
                        kind -> Optional.of((subject, work) -> ranOnB.incrementAndGet()));
                ExecutorService thread = Executors.newSingleThreadExecutor();
                Future<Integer> onA = thread.submit(runnerA::runDue);
                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

                // When B looks for due work while A holds the task: it passes over it without waiting
                assertThat(runnerB.runDue()).isZero();

                // And A dies: its connection is cut (waiting until its backend is gone), so the database rolls its
                // transaction back
                postgres.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                        + " WHERE state = 'idle in transaction' AND query LIKE '%scheduled_task%'");

                // Then B runs the task, once, and it is done
                assertThat(runnerB.runDue()).isEqualTo(1);
                assertThat(ranOnB.get()).isEqualTo(1);
                release.countDown();
                onA.get(30, TimeUnit.SECONDS);
                thread.shutdown();
                assertThat(runnerB.runDue()).isZero();
                int done = b.read(h -> h.createQuery("SELECT COUNT(*) FROM scheduled_task WHERE done_at IS NOT NULL")
                        .mapTo(Integer.class).one());
                assertThat(done).isEqualTo(1);
                assertThat(ranOnB.get()).isEqualTo(1);
            }
        }
    }
}
