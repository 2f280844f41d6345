package dev.guildhall.store;

import dev.guildhall.command.UsageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** SQLite's writes grouped under one commit, each under its own savepoint (issue 19). */
class GroupCommitTest {
    @TempDir
    Path dir;
    Database db;
    ExecutorService callers = Executors.newFixedThreadPool(8);
    CountDownLatch writerHeld = new CountDownLatch(1);

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("group.db").toString());
    }

    @AfterEach
    void close() throws InterruptedException {
        writerHeld.countDown();
        callers.shutdownNow();
        callers.awaitTermination(10, TimeUnit.SECONDS);
        db.close();
    }

    @Test
    void aWriteRefusedInsideAGroupRollsBackOnlyItself() throws Exception {
        // Given the writer busy, and three writes queued behind it, the middle one refused after writing
        holdTheWriter();
        CompletableFuture<Integer> first = write(h -> insertPerson(h, "console:ada"));
        CompletableFuture<Integer> refused = write(h -> {
            insertPerson(h, "console:bob");
            throw new UsageException("Type /teach <topic>");
        });
        CompletableFuture<Integer> last = write(h -> insertPerson(h, "console:cy"));
        await().atMost(Duration.ofSeconds(10)).until(() -> db.writesWaiting() == 3);
        long groupsBefore = db.groupsCommitted();

        // When the writer takes them
        writerHeld.countDown();

        // Then they commit as one group; the refused one's row is gone and its caller gets its refusal
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(UsageException.class)
                .hasMessageContaining("Type /teach <topic>");
        assertThat(db.groupsCommitted() - groupsBefore).isEqualTo(2); // the held one, then the three together
        assertThat(people()).containsExactlyInAnyOrder("console:ada", "console:cy");
    }

    @Test
    void noCallerIsAnsweredBeforeItsGroupCommits() throws Exception {
        // Given three writes queued together, and their commit held back
        holdTheWriter();
        CountDownLatch atCommit = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        List<CompletableFuture<Integer>> writes = List.of(write(h -> insertPerson(h, "console:ada")),
                write(h -> insertPerson(h, "console:bob")), write(h -> insertPerson(h, "console:cy")));
        await().atMost(Duration.ofSeconds(10)).until(() -> db.writesWaiting() == 3);
        AtomicInteger commits = new AtomicInteger();
        db.beforeCommit(() -> {
            if (commits.incrementAndGet() == 2) { // the first is the held write's own
                atCommit.countDown();
                awaitQuietly(commit);
            }
        });

        // When the writer has run all three and is about to commit
        writerHeld.countDown();
        assertThat(atCommit.await(10, TimeUnit.SECONDS)).isTrue();

        // Then no caller has its answer yet, and nothing is visible to a reader
        assertThat(writes).noneMatch(CompletableFuture::isDone);
        assertThat(people()).isEmpty();

        // And once it commits, every caller is answered and every row is there
        commit.countDown();
        for (CompletableFuture<Integer> write : writes) {
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(people()).containsExactlyInAnyOrder("console:ada", "console:bob", "console:cy");
    }

    @Test
    void aGroupWhoseCommitFailsRunsEachWriteAgainAlone() throws Exception {
        // Given two writes queued together, and a commit that fails once
        holdTheWriter();
        CompletableFuture<Integer> ada = write(h -> insertPerson(h, "console:ada"));
        CompletableFuture<Integer> bob = write(h -> insertPerson(h, "console:bob"));
        await().atMost(Duration.ofSeconds(10)).until(() -> db.writesWaiting() == 2);
        AtomicInteger commits = new AtomicInteger();
        db.beforeCommit(() -> {
            if (commits.incrementAndGet() == 2) { // the first is the held write's own
                throw new IllegalStateException("disk I/O error");
            }
        });

        // When the writer takes them
        writerHeld.countDown();

        // Then each is run again in its own transaction and commits
        assertThat(ada.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(bob.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(people()).containsExactlyInAnyOrder("console:ada", "console:bob");
    }

    @Test
    void aWriteNobodyWaitsForCommitsWithTheNextGroupInsteadOfOneOfItsOwn() throws Exception {
        // Given the writer busy, a write nobody waits for queued, and a write someone waits for behind it
        holdTheWriter();
        db.writeSoon(h -> insertPerson(h, "console:ada"));
        CompletableFuture<Integer> awaited = write(h -> insertPerson(h, "console:bob"));
        await().atMost(Duration.ofSeconds(10)).until(() -> db.writesWaiting() == 1);
        long groupsBefore = db.groupsCommitted();

        // When the writer takes them
        writerHeld.countDown();

        // Then both commit in one group: the held write's own, then theirs together
        assertThat(awaited.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(db.groupsCommitted() - groupsBefore).isEqualTo(2);
        assertThat(people()).containsExactlyInAnyOrder("console:ada", "console:bob");
    }

    @Test
    void aWriteNobodyWaitsForCommitsOnItsOwnWhenNoOtherWriteComes() {
        // Given a quiet writer
        long groupsBefore = db.groupsCommitted();

        // When a write nobody waits for is queued
        db.writeSoon(h -> insertPerson(h, "console:ada"));

        // Then it commits in a group of its own soon after
        await().atMost(Duration.ofSeconds(5)).until(() -> people().contains("console:ada"));
        assertThat(db.groupsCommitted() - groupsBefore).isEqualTo(1);
    }

    @Test
    void aWriteNobodyWaitsForThatFailsRollsBackOnlyItself() throws Exception {
        // Given the writer busy, a failing write nobody waits for, and a write someone waits for
        holdTheWriter();
        db.writeSoon(h -> {
            insertPerson(h, "console:ada");
            throw new IllegalStateException("users.info said nonsense");
        });
        CompletableFuture<Integer> awaited = write(h -> insertPerson(h, "console:bob"));
        await().atMost(Duration.ofSeconds(10)).until(() -> db.writesWaiting() == 1);

        // When the writer takes them
        writerHeld.countDown();

        // Then only the failed one's row is gone
        assertThat(awaited.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(people()).containsExactly("console:bob");
    }

    @Test
    void theWriterPreparesEachStatementOnceAndKeepsItOpen() {
        // Given the same query run by two writes, one after the other
        List<java.sql.Statement> used = new java.util.ArrayList<>();
        java.util.function.Function<org.jdbi.v3.core.Handle, Integer> query = h -> h.createQuery(
                        "SELECT COUNT(*) FROM person WHERE id <> :id")
                .bind("id", "console:nobody")
                .addCustomizer(new org.jdbi.v3.core.statement.StatementCustomizer() {
                    @Override
                    public void beforeExecution(java.sql.PreparedStatement statement,
                                                org.jdbi.v3.core.statement.StatementContext context) {
                        used.add(statement);
                    }
                })
                .mapTo(Integer.class).one();

        // When both have run
        db.inTransaction(query);
        db.inTransaction(query);

        // Then the second reused the first one's prepared statement, still open
        assertThat(used).hasSize(2);
        assertThat(used.get(1)).isSameAs(used.get(0));
    }

    private void holdTheWriter() {
        CountDownLatch running = new CountDownLatch(1);
        write(h -> {
            running.countDown();
            awaitQuietly(writerHeld);
            return 0;
        });
        awaitQuietly(running);
    }

    private CompletableFuture<Integer> write(java.util.function.Function<org.jdbi.v3.core.Handle, Integer> work) {
        return CompletableFuture.supplyAsync(() -> db.inTransaction(work), callers);
    }

    private static int insertPerson(org.jdbi.v3.core.Handle handle, String id) {
        return handle.execute("INSERT INTO person (id, display_name, first_seen_at, last_seen_at) VALUES (?, ?, 0, 0)",
                id, id);
    }

    private List<String> people() {
        return db.read(h -> h.createQuery("SELECT id FROM person").mapTo(String.class).list());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
