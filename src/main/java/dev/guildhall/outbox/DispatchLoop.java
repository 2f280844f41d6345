package dev.guildhall.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs delivery passes on a background thread: at once when woken, soon again while the pace holds rows back, and
 * at least every second for retries that fall due. A pass that throws is logged, and the next one runs after the
 * usual wait (a store that is away is not asked again in a tight loop).
 */
final class DispatchLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);
    static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    static final Duration HELD_BACK_WAIT = Duration.ofMillis(250);

    private final BooleanSupplier pass;
    private final Duration idleWait;
    private final Semaphore wakeUp = new Semaphore(0);
    private Thread worker;

    /** @param pass delivers what is due; answers whether the pace held anything back */
    DispatchLoop(BooleanSupplier pass) {
        this(pass, IDLE_WAIT);
    }

    DispatchLoop(BooleanSupplier pass, Duration idleWait) {
        this.pass = pass;
        this.idleWait = idleWait;
    }

    synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = new Thread(this::run, "outbox-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    /** Tells the loop that new rows were committed. */
    void wake() {
        wakeUp.release();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            boolean heldBack = false;
            try {
                heldBack = pass.getAsBoolean();
            } catch (RuntimeException e) {
                log.error("outbox dispatcher pass failed; trying again", e);
            }
            try {
                wakeUp.tryAcquire((heldBack ? HELD_BACK_WAIT : idleWait).toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the thread, waiting up to 5 s for a pass under way to end. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = worker;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized boolean running() {
        return worker != null && worker.isAlive();
    }
}
