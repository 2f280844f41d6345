package dev.guildhall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentWritersTest {
    @Test
    void manyThreadsWritingAtOnceAllCommitAndANestedTransactionDoesNotDeadlock(@TempDir Path dir) throws Exception {
        // Given one database and more writer threads than connections in the pool
        try (Database db = Database.open(dir.resolve("writers.db").toString())) {
            ExecutorService pool = Executors.newFixedThreadPool(12);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            // When each writes 50 rows, one transaction each, some of them opening a transaction inside another
            for (int t = 0; t < 12; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 50; i++) {
                        String id = "console:w" + thread + "-" + i;
                        boolean nest = i % 10 == 0;
                        db.inTransaction(h -> {
                            h.execute("INSERT INTO person (id, display_name, first_seen_at, last_seen_at)"
                                    + " VALUES (?, ?, 0, 0)", id, id);
                            return nest ? db.inTransaction(inner -> inner.execute(
                                    "UPDATE person SET last_seen_at = 1 WHERE id = ?", id)) : 0;
                        });
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            // Then every row is there, none lost to a busy database
            int rows = db.read(h -> h.createQuery("SELECT COUNT(*) FROM person").mapTo(Integer.class).one());
            int nested = db.read(h -> h.createQuery("SELECT COUNT(*) FROM person WHERE last_seen_at = 1")
                    .mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(600);
            assertThat(nested).isEqualTo(60);
        }
    }
}
