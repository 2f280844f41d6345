package dev.guildhall.guild;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.FakeSlackPort;
import dev.guildhall.testing.GuildBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.guildhall.testing.FanOutScenario.announce;
import static dev.guildhall.testing.FanOutScenario.bot;
import static dev.guildhall.testing.FanOutScenario.driveUntilDone;
import static dev.guildhall.testing.FanOutScenario.guildOfMembers;
import static dev.guildhall.testing.FanOutScenario.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 4's fan-out acceptance, against a fake port (see {@link dev.guildhall.testing.FanOutScenario}). */
class AnnouncementFanOutTest {
    private static final int MEMBERS = 1_000;

    @TempDir
    Path dir;

    @Test
    void anAnnouncementReachesAThousandMembersExactlyOnceThroughRateLimits() {
        // Given a guild of a thousand members on a platform that answers every 7th call with a 429, every 23rd with a
        // timeout
        Path db = dir.resolve("fanout.db");
        AdjustableClock clock = AdjustableClock.fixedAt(GuildBot.BASE);
        FakeSlackPort.Ledger ledger = new FakeSlackPort.Ledger();
        try (Guildhall bot = bot(db, clock, new FakeSlackPort(ledger, clock, 7, 0).withTimeoutEvery(23))) {
            guildOfMembers(bot, MEMBERS);

            // When the lead announces and time passes
            assertThat(announce(bot, "Pizza at six!")).contains("DMing 1000 members");
            Duration took = driveUntilDone(bot, clock);

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
        AdjustableClock first = AdjustableClock.fixedAt(GuildBot.BASE);
        try (Guildhall bot = bot(db, first, new FakeSlackPort(ledger, first, 11, 500))) {
            guildOfMembers(bot, MEMBERS);
            announce(bot, "Pizza at six!");
            assertThatThrownBy(() -> driveUntilDone(bot, first)).isInstanceOf(FakeSlackPort.Killed.class);
        }
        assertThat(ledger.directs.size()).isBetween(490, 500);

        // When a new process starts on the same database
        AdjustableClock second = AdjustableClock.fixedAt(GuildBot.BASE.plus(Duration.ofMinutes(10)));
        try (Guildhall bot = bot(db, second, new FakeSlackPort(ledger, second, 11, 0))) {
            driveUntilDone(bot, second);
        }

        // Then everyone has it, once
        assertExactlyOnce(ledger);
        assertThat(ledger.updates.get(ledger.updates.size() - 1)).contains("delivered to 1000 of 1000 — done.");
    }

    private static void assertExactlyOnce(FakeSlackPort.Ledger ledger) {
        assertThat(ledger.directs).hasSize(MEMBERS + 1); // the members, and the lead's progress message
        assertThat(ledger.directs.entrySet()).allSatisfy(e -> assertThat(e.getValue().get())
                .as("messages to %s", e.getKey()).isEqualTo(1));
        assertThat(ledger.directs.keySet()).contains(member(0), member(MEMBERS - 1));
        assertThat(ledger.directs.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(MEMBERS + 1);
    }
}
