package dev.guildhall.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DispatchLoopTest {

    @Test
    void aWakeRunsAPassWithoutWaitingForTheSecond() {
        // Given a loop whose passes are counted, started and idle for a minute after its first pass
        AtomicInteger passes = new AtomicInteger();
        try (DispatchLoop loop = new DispatchLoop(() -> {
            passes.incrementAndGet();
            return false;
        }, Duration.ofMinutes(1))) {
            loop.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() >= 1);
            int before = passes.get();

            // When new rows are committed and the loop is woken
            loop.wake();

            // Then another pass runs long before the idle minute is over
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() > before);
        }
    }

    @Test
    void aPassThatThrowsDoesNotEndTheLoop() {
        // Given a loop whose first pass throws
        AtomicInteger passes = new AtomicInteger();
        try (DispatchLoop loop = new DispatchLoop(() -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
            return false;
        })) {
            // When it runs
            loop.start();

            // Then it goes on with the next pass
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() >= 2);
            assertThat(loop.running()).isTrue();
        }
    }

    @Test
    void closeStopsTheThread() {
        DispatchLoop loop = new DispatchLoop(() -> true);
        loop.start();

        loop.close();

        assertThat(loop.running()).isFalse();
    }
}
