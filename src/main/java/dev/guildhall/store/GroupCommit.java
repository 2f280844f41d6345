package dev.guildhall.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * SQLite's writes, all on one thread that owns the write connection. Callers queue their work and wait; the writer
 * takes every piece of work waiting, runs each under its own SAVEPOINT of one transaction (work that throws rolls
 * back only itself), commits once, and only then hands each caller its result. Handing the write lock from thread to
 * thread cost a context switch per command, which on two busy cores was most of a command's time; a commit shared
 * by the group costs what one did. If the commit fails, each piece of work runs again alone.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** More than this many in one group only lengthens the wait of the first for the others' work. */
    static final int MAX_GROUP = 128;

    /**
     * How long a write nobody waits for ({@link #runSoon}) may sit before it commits in a group of its own: it
     * normally rides along with the next group, but must not wait for one forever on a quiet bot.
     */
    static final long SOON_MILLIS = 100;

    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private final Queue<Write<?>> soon = new ConcurrentLinkedQueue<>();
    private final Handle handle;
    private final Thread writer;
    private final AtomicLong groups = new AtomicLong();
    private volatile Runnable beforeCommit = () -> { };
    private volatile boolean closed;

    GroupCommit(Jdbi jdbi) {
        this.handle = jdbi.open();
        handle.setStatementBuilder(new ReusedStatements());
        this.writer = new Thread(this::writeGroups, "sqlite-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Runs {@code work} in the next group; returns once that group has committed (or rethrows what it threw). */
    <T> T run(Function<Handle, T> work) {
        if (Thread.currentThread() == writer) {
            // Work that opens a transaction inside its own joins it: queueing would wait for itself.
            return work.apply(handle);
        }
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
        Write<T> write = new Write<>(work, MDC.getCopyOfContextMap(), true);
        queue.add(write);
        if (closed && queue.remove(write)) {
            // close() drained the queue between our check and our add: nobody would ever run or fail this write.
            throw new IllegalStateException("the database is closed");
        }
        return write.awaitCommitted();
    }

    /**
     * Queues work nobody waits for: it runs at the start of the next group (or, if none comes within
     * {@link #SOON_MILLIS}, in a group of its own), under its own SAVEPOINT like any other. What it throws is logged.
     * Saves the caller's wait and the writer a transaction of its own (users.info answers, issue 19).
     */
    void runSoon(Consumer<Handle> work) {
        if (Thread.currentThread() == writer) {
            work.accept(handle);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
        Write<Void> write = new Write<>(h -> {
            work.accept(h);
            return null;
        }, MDC.getCopyOfContextMap(), false);
        soon.add(write);
        if (closed && soon.remove(write)) {
            // closed between the check and the add: the writer may already have taken its last look
            throw new IllegalStateException("the database is closed");
        }
    }

    /** Writes queued and not yet taken by the writer. */
    int waiting() {
        return queue.size();
    }

    /** Groups committed since the start. */
    long groupsCommitted() {
        return groups.get();
    }

    /** For tests: runs on the writer just before each group's commit. */
    void beforeCommit(Runnable hook) {
        this.beforeCommit = hook;
    }

    private void writeGroups() {
        List<Write<?>> group = new ArrayList<>();
        while (!closed || !queue.isEmpty() || !soon.isEmpty()) {
            Write<?> first;
            try {
                first = queue.poll(SOON_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            for (Write<?> later; (later = soon.poll()) != null; ) {
                group.add(later);
            }
            if (first != null) {
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
            }
            if (group.isEmpty()) {
                continue;
            }
            try {
                commitTogether(group);
            } catch (Throwable e) {
                log.warn("a group of {} writes failed to commit ({}); running each alone", group.size(), e.toString());
                rollbackQuietly();
                group.forEach(this::commitAlone);
            }
            group.forEach(Write::release);
            group.clear();
        }
    }

    private void commitTogether(List<Write<?>> group) {
        handle.begin();
        for (Write<?> write : group) {
            // Plain SQL: JDBC's savepoint calls forget a savepoint once rolled back to, where SQLite keeps it open.
            handle.execute("SAVEPOINT one_write");
            if (!write.runOn(handle)) {
                handle.execute("ROLLBACK TO one_write");
            }
            handle.execute("RELEASE one_write");
        }
        beforeCommit.run();
        handle.commit();
        groups.incrementAndGet();
    }

    private void commitAlone(Write<?> write) {
        try {
            handle.begin();
            if (write.runOn(handle)) {
                handle.commit();
            } else {
                handle.rollback();
            }
        } catch (Throwable e) {
            write.failed(e);
            rollbackQuietly();
        }
    }

    private void rollbackQuietly() {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (RuntimeException e) {
            log.warn("rolling back a failed group failed too", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Write<?>> abandoned = new ArrayList<>();
        queue.drainTo(abandoned);
        abandoned.addAll(soon);
        abandoned.forEach(write -> {
            write.failed(new IllegalStateException("the database closed before this write ran"));
            write.release();
        });
        handle.close();
    }

    /** One caller's work and, once its group has committed, what came of it. */
    private static final class Write<T> {
        private final Function<Handle, T> work;
        private final Map<String, String> logContext;
        private final boolean awaited;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private T result;
        private Throwable failure;

        Write(Function<Handle, T> work, Map<String, String> logContext, boolean awaited) {
            this.work = work;
            this.logContext = logContext;
            this.awaited = awaited;
        }

        /** @return false if the work threw (its effect must be rolled back) */
        boolean runOn(Handle handle) {
            Map<String, String> writerContext = MDC.getCopyOfContextMap();
            setContext(logContext);
            try {
                result = work.apply(handle);
                failure = null;
                return true;
            } catch (Throwable e) {
                result = null;
                failure = e;
                return false;
            } finally {
                setContext(writerContext);
            }
        }

        void failed(Throwable e) {
            result = null;
            failure = e;
        }

        void release() {
            if (!awaited && failure != null) {
                log.warn("a write nobody waited for failed and was rolled back", failure);
            }
            if (failure == null) {
                outcome.complete(result);
            } else {
                outcome.completeExceptionally(failure);
            }
        }

        T awaitCommitted() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return outcome.get();
                    } catch (InterruptedException e) {
                        // The work is queued and will commit: the caller must learn how it ended before it goes on.
                        interrupted = true;
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException runtime) {
                            throw runtime;
                        }
                        if (cause instanceof Error error) {
                            throw error;
                        }
                        throw new IllegalStateException(cause);
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static void setContext(Map<String, String> context) {
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
        }
    }
}
