package dev.guildhall.schedule;

import dev.guildhall.core.AdjustableClock;
import dev.guildhall.store.Database;
import dev.guildhall.store.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.guildhall.testing.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DueTaskRunnerTest {
    @TempDir
    Path dir;
    Database db;
    AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-03-02T09:00:00Z"));
    List<Long> ran = new ArrayList<>();
    int failuresLeft = 0;
    DueTaskRunner runner;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db").toString());
        TaskHandler handler = (subject, work) -> {
            if (failuresLeft-- > 0) {
                throw new IllegalStateException("not yet");
            }
            ran.add(subject);
        };
        runner = new DueTaskRunner(db, clock, kind -> kind.equals("test") ? Optional.of(handler) : Optional.empty());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void schedule(long subject, Duration in) {
        db.inTransaction(h -> {
            new DueTasks(new UnitOfWork(h, clock.instant())).schedule("test", subject, clock.instant().plus(in));
            return null;
        });
    }

    @Test
    void runsWhatIsDueOnceInOrderAndNothingEarly() {
        schedule(2, Duration.ofHours(2));
        schedule(1, Duration.ofHours(1));
        schedule(3, Duration.ofDays(1));
        assertThat(runner.runDue()).isZero();
        clock.advance(Duration.ofHours(3));
        assertThat(runner.runDue()).isEqualTo(2);
        assertThat(runner.runDue()).isZero();
        assertThat(ran).containsExactly(1L, 2L);
    }

    @Test
    void aCancelledTaskNeverRuns() {
        schedule(1, Duration.ofHours(1));
        db.inTransaction(h -> {
            new DueTasks(new UnitOfWork(h, clock.instant())).cancel("test", 1);
            return null;
        });
        clock.advance(Duration.ofHours(2));
        runner.runDue();
        assertThat(ran).isEmpty();
    }

    @Test
    void aFailingTaskIsRetriedLaterAndThenRuns() {
        failuresLeft = 1;
        schedule(7, Duration.ZERO);
        runner.runDue();
        assertThat(ran).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        runner.runDue();
        assertThat(ran).containsExactly(7L);
    }

    @Test
    void aTaskThatKeepsFailingIsGivenUpWithItsError() {
        failuresLeft = 100;
        schedule(7, Duration.ZERO);
        for (int i = 0; i < 10; i++) {
            runner.runDue();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(ran).isEmpty();
        assertThat(Sql.one(db, "SELECT last_error FROM scheduled_task", String.class))
                .isEqualTo("not yet");
        assertThat(Sql.one(db, "SELECT attempts FROM scheduled_task", Integer.class))
                .isEqualTo(5);
    }
}
