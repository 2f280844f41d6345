package dev.guildhall.slack;

import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.Inbound;
import dev.guildhall.schedule.Ticker;
import dev.guildhall.testing.Postgres;
import dev.guildhall.testing.Waits;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the bot on one PostgreSQL database, each with its own pool, dispatcher and clock, sending to one
 * fake Slack Web API, where every delivery is counted.
 */
class ReplicasPostgresIT {
    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    Postgres postgres;
    FakeSlack slack;
    Replica a;
    Replica b;

    @BeforeEach
    void start() {
        postgres = new Postgres();
        slack = FakeSlack.start();
        a = new Replica(postgres, slack, AdjustableClock.fixedAt(START));
        b = new Replica(postgres, slack, AdjustableClock.fixedAt(START));
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        slack.close();
        postgres.close();
    }

    @Test
    void aReminderScheduledWithBothReplicasTickingInAQuartzClusterFiresOnce() {
        // Given a guild of three members with a meetup in two days, and both replicas in one Quartz cluster
        a.say("ULEAD", "lea", "/guild create platform \"Platform guild\" <#C42|platform>");
        b.say("UBOB", "bob", "/guild join platform");
        a.say("UCAROL", "carol", "/guild join platform");
        b.say("ULEAD", "lea", "/guild meetup platform \"2026-11-28 10:00\" \"Operators deep dive\" --tz UTC");
        AtomicInteger ticksA = new AtomicInteger();
        AtomicInteger ticksB = new AtomicInteger();
        a.bot.startDelivery();
        b.bot.startDelivery();
        try (Ticker tickerA = Ticker.clustered(() -> {
            ticksA.incrementAndGet();
            a.bot.runDueTasks();
        }, a.bot.database()); Ticker tickerB = Ticker.clustered(() -> {
            ticksB.incrementAndGet();
            b.bot.runDueTasks();
        }, b.bot.database())) {
            tickerA.start();
            tickerB.start();
            assertThat(tickerA.instanceId()).isNotEqualTo(tickerB.instanceId());

            // When a day passes on both replicas' clocks
            a.clock.advance(Duration.ofHours(25));
            b.clock.advance(Duration.ofHours(25));

            // Then each member gets the 24-hour reminder, and a few cluster ticks later still only once
            await(() -> reminders("24-hour").size() == 3, "three 24-hour reminders");
            int ticks = ticksA.get() + ticksB.get();
            await(() -> ticksA.get() + ticksB.get() >= ticks + 3, "three more ticks of the cluster");
            assertThat(reminders("24-hour")).hasSize(3);
            assertThat(reminders("24-hour").stream().map(call -> call.param("channel")).distinct())
                    .containsExactlyInAnyOrder("DULEAD", "DUBOB", "DUCAROL");
            assertThat(a.count("SELECT COUNT(*) FROM qrtz_scheduler_state")).as("replicas in the Quartz cluster")
                    .isEqualTo(2);
            System.out.printf("[replicas] cluster ticks: replica A %d, replica B %d%n", ticksA.get(), ticksB.get());
        }
    }

    @Test
    void twoHundredRemindersDueInTheSameMinuteMakeExactlyTwoHundredDeliveries() throws Exception {
        // Given 200 meetups starting at the same time, for a guild whose one member wants reminders
        a.say("ULEAD", "lea", "/guild create platform \"Platform guild\" <#C42|platform>");
        a.say("ULEAD", "lea", "/guild notify platform off");
        b.say("UBOB", "bob", "/guild join platform");
        for (int i = 0; i < 200; i++) {
            Replica via = i % 2 == 0 ? a : b;
            via.say("ULEAD", "lea", "/guild meetup platform \"2026-11-28 10:00\" \"Talk " + i + "\" --tz UTC");
        }
        a.bot.startDelivery();
        b.bot.startDelivery();
        awaitDrained();
        slack.clear();

        // When their 24-hour reminders fall due on both replicas at once, and both run their due tasks together
        a.clock.advance(Duration.ofHours(25));
        b.clock.advance(Duration.ofHours(25));
        assertThat(a.count("SELECT COUNT(*) FROM scheduled_task WHERE done_at IS NULL AND due_at <= "
                + a.clock.millis())).isEqualTo(200);
        List<Integer> ran = together(a.bot::runDueTasks, b.bot::runDueTasks);
        awaitDrained();

        // Then the fake Slack counted exactly 200 reminders, one per meetup, all to bob
        List<FakeSlack.Call> reminders = reminders("24-hour");
        assertThat(reminders).hasSize(200);
        assertThat(reminders.stream().map(call -> call.param("text").replaceAll(".*\\*(Talk \\d+)\\*.*", "$1"))
                .distinct()).hasSize(200);
        assertThat(reminders).allMatch(call -> call.param("channel").equals("DUBOB"));
        assertThat(ran.get(0) + ran.get(1)).as("tasks run by A and B").isEqualTo(200);
        System.out.printf("[replicas] 200 reminders: replica A ran %d tasks, replica B %d%n", ran.get(0), ran.get(1));
    }

    @Test
    void anAnnouncementToFiveHundredMembersIsDeliveredOnceWithBothDispatchersRunning() {
        // Given a guild of 500 members, and a Slack that takes a few milliseconds per call
        a.guildOf(500);
        slack.latency(Duration.ofMillis(2));
        a.bot.startDelivery();
        b.bot.startDelivery();

        // When the lead announces through replica A while both replicas' dispatchers run
        long started = System.nanoTime();
        assertThat(a.say("ULEAD", "lea", "/guild announce platform Slides are in the wiki"))
                .contains("500");
        awaitDrained();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // Then every member got it exactly once, both replicas shared the work, and the progress says 500 of 500
        Map<String, Long> perMember = announcements("Slides are in the wiki");
        assertThat(perMember).hasSize(500);
        assertThat(perMember.values()).allMatch(count -> count == 1);
        assertThat(a.count("SELECT COUNT(*) FROM outbox WHERE batch_id IS NOT NULL AND status = 'DELIVERED'"))
                .isEqualTo(500);
        List<String> claimers = a.bot.database().read(h -> h.createQuery(
                "SELECT DISTINCT claimed_by FROM outbox WHERE batch_id IS NOT NULL").mapTo(String.class).list());
        // the progress message's last update is queued by the pass after the last delivery: wait for it, then count
        slack.awaitCalls(call -> call.param("text") != null && call.param("text").contains("delivered to 500 of 500"),
                1, "the progress message's final update");
        assertThat(slack.calls().stream().filter(call -> call.param("text") != null
                && call.param("text").contains("delivered to 500 of 500"))).hasSize(1);
        System.out.printf("[replicas] 500-member announcement with two dispatchers: %d ms, claimed by %d replicas%n",
                millis, claimers.size());
    }

    @Test
    void aSlackRetryTakenByTheOtherReplicaWhileTheFirstIsStillWorkingChangesNothing() throws Exception {
        // Given one slash command delivered twice with the same trigger id, once to each replica, at the same moment
        // When both handle it (twenty commands, each on its own topic)
        List<String> replies = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            String key = "trigger-" + round;
            dev.guildhall.core.Command learn = new dev.guildhall.core.Command(
                    dev.guildhall.core.Person.of(Replica.person("UBOB"), "bob"), java.util.Optional.empty(), "learn",
                    "topic" + round);
            List<dev.guildhall.core.Reply> both = togetherReplies(() -> a.bot.handle(Inbound.of(learn).withRequestId(key)).reply(),
                    () -> b.bot.handle(Inbound.of(learn).withRequestId(key)).reply());
            replies.add(both.get(0).equals(both.get(1)) ? "same" : both.toString());
        }

        // Then each delivery had one effect, and both replicas answered it alike
        assertThat(a.count("SELECT COUNT(*) FROM ticket")).isEqualTo(20);
        assertThat(replies).containsOnly("same");
    }

    @Test
    void aFlagRaisedThroughOneReplicaCountsOnTheBoardWhereverItIsRendered() {
        // Given a live session started through replica A
        a.sayIn("UALICE", "alice", "CVPC", "/session start \"VPC peering\" --threshold 5");

        // When bob flags through A, carol through B, and bob again through B
        a.sayIn("UBOB", "bob", "CVPC", "/wait");
        b.sayIn("UCAROL", "carol", "CVPC", "/wait");
        String again = b.sayIn("UBOB", "bob", "CVPC", "/wait");

        // Then bob counts once: two people are lost, whichever replica renders the board, and no restart notice
        assertThat(again).doesNotContain("restarted");
        assertThat(b.count("SELECT COUNT(*) FROM wait_flag WHERE ended_at IS NULL")).isEqualTo(2);
        assertThat(b.sayIn("UALICE", "alice", "CVPC", "/session status")).contains("2");

        // And bob's "I get it now" through A takes down the flag he raised through B
        a.sayIn("UBOB", "bob", "CVPC", "/wait ok");
        assertThat(a.count("SELECT COUNT(*) FROM wait_flag WHERE ended_at IS NULL")).isEqualTo(1);

        // And the session's end deletes the salt: the key can no longer be derived anywhere
        b.sayIn("UALICE", "alice", "CVPC", "/session end");
        assertThat(a.count("SELECT COUNT(*) FROM live_session WHERE key_salt IS NOT NULL")).isZero();
        assertThat(a.count("SELECT COUNT(*) FROM wait_flag WHERE token IS NOT NULL")).isZero();
    }

    private List<FakeSlack.Call> reminders(String kind) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> call.param("text") != null && call.param("text").contains(kind + " reminder"))
                .toList();
    }

    private Map<String, Long> announcements(String text) {
        return Replica.directMessages(slack, text);
    }

    /** Both replicas' work started at the same moment, on two threads; their results in order. */
    @SafeVarargs
    private static List<Integer> together(Callable<Integer>... work) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(work.length);
        ExecutorService threads = Executors.newFixedThreadPool(work.length);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> each : work) {
                results.add(threads.submit(() -> {
                    barrier.await();
                    return each.call();
                }));
            }
            List<Integer> values = new ArrayList<>();
            for (Future<Integer> result : results) {
                values.add(result.get(60, TimeUnit.SECONDS));
            }
            return values;
        } finally {
            threads.shutdownNow();
        }
    }

    @SafeVarargs
    private static List<dev.guildhall.core.Reply> togetherReplies(Callable<dev.guildhall.core.Reply>... work)
            throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(work.length);
        ExecutorService threads = Executors.newFixedThreadPool(work.length);
        try {
            List<Future<dev.guildhall.core.Reply>> results = new ArrayList<>();
            for (Callable<dev.guildhall.core.Reply> each : work) {
                results.add(threads.submit(() -> {
                    barrier.await();
                    return each.call();
                }));
            }
            List<dev.guildhall.core.Reply> values = new ArrayList<>();
            for (Future<dev.guildhall.core.Reply> result : results) {
                values.add(result.get(60, TimeUnit.SECONDS));
            }
            return values;
        } finally {
            threads.shutdownNow();
        }
    }

    private void awaitDrained() {
        await(() -> a.count("SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')") == 0,
                "the outbox to drain");
    }

    /** Waits (bounded) for work other threads and processes do: deliveries and cluster ticks, not clock time. */
    static void await(BooleanSupplier condition, String what) {
        try {
            Waits.until(Duration.ofSeconds(60), condition::getAsBoolean, done -> done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

}
