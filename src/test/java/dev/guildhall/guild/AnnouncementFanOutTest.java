package dev.guildhall.guild;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort.Faults;
import dev.guildhall.testing.RecordingChatPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        AdjustableClock clock = AdjustableClock.fixedAt(BotExtension.LATE_NOVEMBER);
        RecordingChatPort slack = new RecordingChatPort("slack")
                .withFaults(clock, Faults.rateLimitedEvery(7).timingOutEvery(23));
        try (Guildhall bot = bot(db, clock, slack)) {
            guildOfMembers(bot, MEMBERS);

            // When the lead announces and time passes
            assertThat(announce(bot, "Pizza at six!")).contains("DMing 1000 members");
            Duration took = driveUntilDone(bot, clock);

            // Then every member got it once, the 429s were honoured, and the lead saw throttled progress
            assertExactlyOnce(slack);
            assertThat(slack.rateLimited()).isGreaterThan(10);
            assertThat(slack.timeouts()).isGreaterThan(10);
            assertThat(slack.callsDuringStop()).isZero();
            assertThat(slack.posts()).singleElement().satisfies(post -> assertThat(post.text()).contains("Pizza at six"));
            List<String> updates = slack.updates().stream().map(update -> update.message().text()).toList();
            assertThat(updates.get(updates.size() - 1))
                    .isEqualTo("✅ Announcement to *Platform guild*: delivered to 1000 of 1000 — done.");
            assertThat(updates).hasSizeBetween(2, 80)
                    .anySatisfy(text -> assertThat(text).matches(".*delivered to \\d+ of 1000 — still sending….*"));
            // Slack's default pace is 300 a minute per workspace, and every 7th call costs a 2 s stop: minutes of clock
            assertThat(took).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(8));
        }
    }

    @Test
    void aFanOutKilledHalfwayIsCompletedByTheNextProcessStillExactlyOnce() {
        // Given an announcement whose process dies after 500 sends
        Path db = dir.resolve("killed.db");
        AdjustableClock first = AdjustableClock.fixedAt(BotExtension.LATE_NOVEMBER);
        RecordingChatPort slack = new RecordingChatPort("slack")
                .withFaults(first, Faults.rateLimitedEvery(11).dyingAfterSends(500));
        try (Guildhall bot = bot(db, first, slack)) {
            guildOfMembers(bot, MEMBERS);
            announce(bot, "Pizza at six!");
            assertThatThrownBy(() -> driveUntilDone(bot, first)).isInstanceOf(RecordingChatPort.Killed.class);
        }
        assertThat(slack.directRecipients()).isBetween(490, 500);

        // When a new process starts on the same database
        AdjustableClock second = AdjustableClock.fixedAt(BotExtension.LATE_NOVEMBER.plus(Duration.ofMinutes(10)));
        try (Guildhall bot = bot(db, second, slack.nextProcess(second, Faults.rateLimitedEvery(11)))) {
            driveUntilDone(bot, second);
        }

        // Then everyone has it, once
        assertExactlyOnce(slack);
        assertThat(slack.updates().get(slack.updates().size() - 1).message().text()).contains("delivered to 1000 of 1000 — done.");
    }

    private static void assertExactlyOnce(RecordingChatPort slack) {
        Map<String, Integer> directs = slack.directCounts();
        assertThat(directs).hasSize(MEMBERS + 1); // the members, and the lead's progress message
        assertThat(directs.entrySet()).allSatisfy(e -> assertThat(e.getValue())
                .as("messages to %s", e.getKey()).isEqualTo(1));
        assertThat(directs.keySet()).contains(member(0), member(MEMBERS - 1));
        assertThat(directs.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MEMBERS + 1);
    }
}
