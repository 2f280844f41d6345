package dev.guildhall.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A question to a platform that is only worth asking briefly (how many are in a channel): its answer, or empty once
 * the time is up or the call failed — logged, never thrown, because whoever asked has a default to fall back on.
 * Few threads and a short queue: a platform that hangs costs a handful of threads, not one per question.
 */
public final class BoundedCall {
    private static final Logger log = LoggerFactory.getLogger(BoundedCall.class);
    private static final ThreadPoolExecutor CALLS = pool();
    /** Long enough for a platform having a slow moment, short enough that nobody waits on it for long. */
    public static final Duration BRIEFLY = Duration.ofSeconds(5);

    /** What the platform is asked; it may fail like any platform call. */
    @FunctionalInterface
    public interface Question<T> {
        Optional<T> ask() throws Exception;
    }

    private BoundedCall() {
    }

    public static <T> Optional<T> ask(String what, Duration limit, Question<T> question) {
        Future<Optional<T>> answer;
        try {
            answer = CALLS.submit(question::ask);
        } catch (RejectedExecutionException e) {
            log.warn("{}: not asked, too many questions to the platform are still waiting", what);
            return Optional.empty();
        }
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            log.warn("{}: no answer within {} ms", what, limit.toMillis());
        } catch (ExecutionException e) {
            log.warn("{}: {}", what, e.getCause().getMessage());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static ThreadPoolExecutor pool() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(64),
                runnable -> {
                    Thread thread = new Thread(runnable, "bounded-call-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
