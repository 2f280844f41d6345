package dev.guildhall.bench;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.outbox.SendPace;
import dev.guildhall.store.Database;
import dev.guildhall.testing.RecordingChatPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How long the outbox takes to fan an announcement out, in wall time, against the fake Slack (no network): the cost of
 * the dispatcher and SQLite, not of any platform. Not a test; run it by hand:
 * {@code java -cp target/classes:target/test-classes:<deps> dev.guildhall.bench.FanOutBenchmark [members] [rateLimitEvery]}.
 * Two figures: unpaced (how fast the machinery is) and at Slack's default pace driven by the clock (how many passes
 * the pace costs; the clock time is what a real workspace would take).
 */
public final class FanOutBenchmark {
    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rateLimitEvery = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        run("unpaced", members, rateLimitEvery, SendPace.none());
        run("slack pace", members, rateLimitEvery, SendPace.defaults());
    }

    private static void run(String name, int members, int rateLimitEvery, SendPace pace) throws Exception {
        Path dir = Files.createTempDirectory("fanout-bench");
        Path db = dir.resolve("bench.db");
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-26T09:00:00Z"));
        RecordingChatPort slack = new RecordingChatPort("slack")
                .withFaults(clock, RecordingChatPort.Faults.rateLimitedEvery(rateLimitEvery));
        Config config = Config.from(Map.of(Config.DB, db.toString()));
        Person lead = Person.of(new PersonId("slack:T1:ULEAD"), "lea");
        try (Guildhall bot = new Guildhall(Database.open(db.toString()), clock,
                slack, Wiring.capabilities(config), pace)) {
            bot.handle(Inbound.of(new Command(lead, Optional.empty(), "guild", "create bench \"Bench guild\""))).reply();
            bot.database().inTransaction(h -> {
                long guild = h.createQuery("SELECT id FROM guild WHERE slug = 'bench'").mapTo(Long.class).one();
                for (int i = 0; i < members; i++) {
                    String id = "slack:T1:U" + i;
                    h.execute("INSERT INTO person (id, display_name, first_seen_at, last_seen_at) VALUES (?, ?, 0, 0)",
                            id, "m" + i);
                    h.execute("INSERT INTO guild_member (guild_id, person_id, role, notify, joined_at)"
                            + " VALUES (?, ?, 'MEMBER', 1, ?)", guild, id, i);
                }
                return null;
            });
            long start = System.nanoTime();
            bot.handle(Inbound.of(new Command(lead, Optional.empty(), "guild", "announce bench Hello everyone"))).reply();
            long queued = System.nanoTime();
            int passes = 0;
            Instant clockStart = clock.instant();
            while (slack.directRecipients() < members + 1 && passes < 100_000) {
                bot.runDue();
                passes++;
                clock.advance(Duration.ofSeconds(1));
            }
            long end = System.nanoTime();
            System.out.printf("%-10s %5d members: queued in %4d ms, delivered in %5d ms wall (%d passes, %s of bot"
                            + " clock), %d rate-limited answers, %d progress updates%n",
                    name, members, (queued - start) / 1_000_000, (end - queued) / 1_000_000, passes,
                    Duration.between(clockStart, clock.instant()), slack.rateLimited(), slack.updates().size());
        }
    }
}
