package dev.guildhall.bench;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.command.Capability;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.schedule.Ticker;
import dev.guildhall.store.Database;
import dev.guildhall.store.UnitOfWork;
import dev.guildhall.testing.RecordingChatPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * {@code reminders} reminders due within one minute, on the real clock, woken by the production {@link Ticker} (Quartz,
 * every second) and run by the production DueTaskRunner. Each reminder queues a DM in the outbox, as the meetup
 * reminders do. Lateness = when the task ran minus when it was due, by the wall clock.
 */
final class SchedulerBench {
    static final String KIND = "bench-reminder";

    private SchedulerBench() {
    }

    record Result(int reminders, Stats lateness, int ran, int missed, int doubled, long doneRows, long outboxRows) {
    }

    static Result run(int reminders, long spreadMillis) throws Exception {
        Path db = Files.createTempDirectory("scheduler-bench").resolve("scheduler.db");
        long[] dueAt = new long[reminders];
        long[] lateness = new long[reminders];
        AtomicIntegerArray runs = new AtomicIntegerArray(reminders);
        Capability reminderTask = registry -> registry.task(KIND, (subject, work) -> {
            int i = (int) subject;
            lateness[i] = (System.currentTimeMillis() - dueAt[i]) * 1_000_000L;
            runs.incrementAndGet(i);
            new Outbox(work).sendDirect(new PersonId("slack:T0BENCH:U" + i), Message.text("Reminder " + i));
        });
        List<dev.guildhall.command.Capability> capabilities = new ArrayList<>(
                Wiring.capabilities(Config.from(Map.of(Config.DB, db.toString()))));
        capabilities.add(reminderTask);
        AdjustableClock clock = AdjustableClock.system();
        try (Guildhall bot = new Guildhall(Database.open(db.toString()), clock, new RecordingChatPort("slack"),
                capabilities)) {
            long first = System.currentTimeMillis() + 5_000;
            bot.database().inTransaction(h -> {
                DueTasks tasks = new DueTasks(new UnitOfWork(h, Instant.now()));
                for (int i = 0; i < reminders; i++) {
                    dueAt[i] = first + i * spreadMillis / reminders;
                    tasks.schedule(KIND, i, Instant.ofEpochMilli(dueAt[i]));
                }
                return null;
            });
            try (Ticker ticker = new Ticker(bot::runDueTasks)) {
                ticker.start();
                long deadline = first + spreadMillis + 15_000;
                while (System.currentTimeMillis() < deadline && !allRan(runs)) {
                    Thread.sleep(200);
                }
                Thread.sleep(1_500); // a tick or so more: a doubled run would show now
            }
            int ran = 0;
            int missed = 0;
            int doubled = 0;
            for (int i = 0; i < reminders; i++) {
                int n = runs.get(i);
                ran += n > 0 ? 1 : 0;
                missed += n == 0 ? 1 : 0;
                doubled += n > 1 ? 1 : 0;
            }
            long done = bot.database().read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM scheduled_task WHERE kind = :kind AND done_at IS NOT NULL")
                    .bind("kind", KIND).mapTo(Long.class).one());
            long outbox = bot.database().read(h -> h.createQuery("SELECT COUNT(*) FROM outbox")
                    .mapTo(Long.class).one());
            return new Result(reminders, Stats.of(lateness), ran, missed, doubled, done, outbox);
        }
    }

    private static boolean allRan(AtomicIntegerArray runs) {
        for (int i = 0; i < runs.length(); i++) {
            if (runs.get(i) == 0) {
                return false;
            }
        }
        return true;
    }
}
