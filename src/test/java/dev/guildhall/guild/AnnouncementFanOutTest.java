package dev.guildhall.guild;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Command;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.Database;
import dev.guildhall.testing.FakeSlackPort;
import dev.guildhall.testing.TestBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnouncementFanOutTest {
    private static final int MEMBERS = 1_000;
    private static final Person LEAD = Person.of(new PersonId("slack:T1:ULEAD"), "lea");

    @TempDir
    Path dir;

    @Test
    void anAnnouncementReachesAThousandMembersExactlyOnceThroughRateLimits() {
        // Given a guild of a thousand members on a platform that answers every 7th call with a 429, every 23rd with a
        // timeout
        Path db = dir.resolve("fanout.db");
        AdjustableClock clock = AdjustableClock.fixedAt(TestBot.BASE);
        FakeSlackPort.Ledger ledger = new FakeSlackPort.Ledger();
        try (Guildhall bot = bot(db, clock, new FakeSlackPort(ledger, clock, 7, 0).withTimeoutEvery(23))) {
            guildOfMembers(bot);

            // When the lead announces and time passes
            assertThat(announce(bot)).contains("DMing 1000 members");
            Duration took = driveUntilDone(bot, clock, ledger);

            // Then every member got it once, the 429s were honoured, and the lead saw throttled progress
            assertExactlyOnce(ledger);
            assertThat(ledger.rateLimited).isGreaterThan(10);
            assertThat(ledger.timeouts).isGreaterThan(10);
            assertThat(ledger.callsDuringStop).isZero();
            assertThat(ledger.posts).singleElement().asString().contains("Pizza at six");
            assertThat(ledger.updates.get(ledger.updates.size() - 1))
                    .isEqualTo("✅ Announcement to *Platform guild*: delivered to 1000 of 1000 — done.");
            assertThat(ledger.updates).hasSizeBetween(2, 80)
                    .anySatisfy(text -> assertThat(text).matches(".*delivered to \\d+ of 1000 — still sending….*"));
            // Slack's default pace is 300 a minute per workspace, and every 7th call costs a 2 s stop: minutes of clock
            assertThat(took).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(8));
        }
    }

    @Test
    void aFanOutKilledHalfwayIsCompletedByTheNextProcessStillExactlyOnce() {
        // Given an announcement whose process dies after 500 sends
        Path db = dir.resolve("killed.db");
        FakeSlackPort.Ledger ledger = new FakeSlackPort.Ledger();
        AdjustableClock first = AdjustableClock.fixedAt(TestBot.BASE);
        try (Guildhall bot = bot(db, first, new FakeSlackPort(ledger, first, 11, 500))) {
            guildOfMembers(bot);
            announce(bot);
            assertThatThrownBy(() -> driveUntilDone(bot, first, ledger)).isInstanceOf(FakeSlackPort.Killed.class);
        }
        int before = ledger.directs.size();
        assertThat(before).isBetween(490, 500);

        // When a new process starts on the same database
        AdjustableClock second = AdjustableClock.fixedAt(TestBot.BASE.plus(Duration.ofMinutes(10)));
        try (Guildhall bot = bot(db, second, new FakeSlackPort(ledger, second, 11, 0))) {
            driveUntilDone(bot, second, ledger);
        }

        // Then everyone has it, once
        assertExactlyOnce(ledger);
        assertThat(ledger.updates.get(ledger.updates.size() - 1)).contains("delivered to 1000 of 1000 — done.");
    }

    private static Guildhall bot(Path db, AdjustableClock clock, ChatPort port) {
        Config config = Config.from(Map.of(Config.DB, db.toString()));
        return new Guildhall(Database.open(db.toString()), clock, port, Wiring.capabilities(config));
    }

    private static void guildOfMembers(Guildhall bot) {
        assertThat(text(bot.handle(new Command(LEAD, Optional.empty(), "guild",
                "create platform \"Platform guild\" <#C42|platform>")))).contains("Created");
        bot.database().inTransaction(h -> {
            long guild = h.createQuery("SELECT id FROM guild WHERE slug = 'platform'").mapTo(Long.class).one();
            for (int i = 0; i < MEMBERS; i++) {
                String id = "slack:T1:U" + String.format("%04d", i);
                h.execute("INSERT INTO person (id, display_name, first_seen_at, last_seen_at) VALUES (?, ?, 0, 0)",
                        id, "member" + i);
                h.execute("INSERT INTO guild_member (guild_id, person_id, role, notify, joined_at)"
                        + " VALUES (?, ?, 'MEMBER', 1, ?)", guild, id, i);
            }
            return null;
        });
    }

    private static String announce(Guildhall bot) {
        return text(bot.handle(new Command(LEAD, Optional.empty(), "guild", "announce platform Pizza at six!")));
    }

    /** Moves the clock a second at a time, delivering what is due, until nothing is left to deliver. */
    private static Duration driveUntilDone(Guildhall bot, AdjustableClock clock, FakeSlackPort.Ledger ledger) {
        Instant start = clock.instant();
        for (int second = 0; second < 3_600; second++) {
            bot.runDue();
            boolean done = bot.database().read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')").mapTo(Integer.class).one()) == 0;
            if (done) {
                return Duration.between(start, clock.instant());
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("not done after an hour of clock time; delivered " + ledger.directs.size());
    }

    private static void assertExactlyOnce(FakeSlackPort.Ledger ledger) {
        assertThat(ledger.directs).hasSize(MEMBERS + 1); // the members, and the lead's progress message
        assertThat(ledger.directs.entrySet()).allSatisfy(e -> assertThat(e.getValue().get())
                .as("messages to %s", e.getKey()).isEqualTo(1));
        assertThat(ledger.directs.keySet()).contains("slack:T1:U0000", "slack:T1:U0999");
        assertThat(ledger.directs.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(MEMBERS + 1);
    }

    private static String text(Reply reply) {
        return TestBot.text(reply);
    }
}
