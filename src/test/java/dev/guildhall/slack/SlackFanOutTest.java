package dev.guildhall.slack;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.guildhall.testing.FanOutScenario.announce;
import static dev.guildhall.testing.FanOutScenario.bot;
import static dev.guildhall.testing.FanOutScenario.driveUntilDone;
import static dev.guildhall.testing.FanOutScenario.guildOfMembers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's fan-out acceptance through the real Slack adapter: an announcement to 1,000 members against a fake Web
 * API that answers every 7th chat.postMessage with 429 + Retry-After, and a process stopped halfway.
 */
class SlackFanOutTest {
    private static final int MEMBERS = 1_000;

    @TempDir
    Path dir;
    FakeSlack slack;

    @BeforeEach
    void fakeSlack() {
        slack = FakeSlack.start();
        slack.rateLimitEvery("chat.postMessage", 7, 2);
    }

    private SlackAdapter adapter() {
        return SlackAdapter.create(SlackSettings.from(Map.of(SlackSettings.BOT_TOKEN, "xoxb-test",
                SlackSettings.SIGNING_SECRET, "s3cret", SlackSettings.API_URL, slack.apiUrl())));
    }

    /** How many times Slack accepted the announcement in each member's DM. */
    private Map<String, Long> announcementsByChannel() {
        return slack.accepted("chat.postMessage").stream()
                .filter(call -> String.valueOf(call.param("text")).contains("Pizza at six"))
                .collect(Collectors.groupingBy(call -> call.param("channel"), Collectors.counting()));
    }

    private void assertEveryMemberGotItOnce() {
        Map<String, Long> byChannel = announcementsByChannel();
        Map<String, Long> dms = byChannel.entrySet().stream().filter(e -> e.getKey().startsWith("DU"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(dms).hasSize(MEMBERS).containsKeys("DU0000", "DU0999");
        assertThat(dms.values()).allMatch(count -> count == 1);
        assertThat(byChannel.get("C42")).as("the guild channel").isEqualTo(1);
    }

    @Test
    void aThousandMembersGetTheAnnouncementExactlyOnceThroughRateLimits() {
        AdjustableClock clock = AdjustableClock.fixedAt(BotExtension.LATE_NOVEMBER);
        SlackAdapter adapter = adapter();
        try (Guildhall bot = bot(dir.resolve("fanout.db"), clock, adapter.port())) {
            guildOfMembers(bot, MEMBERS);
            assertThat(announce(bot, "Pizza at six!")).contains("DMing 1000 members");
            driveUntilDone(bot, clock);
        } finally {
            adapter.close();
        }
        assertEveryMemberGotItOnce();
        assertThat(slack.calls("chat.postMessage").size() - slack.accepted("chat.postMessage").size())
                .as("429s answered").isGreaterThan(100);
        assertThat(slack.accepted("chat.update")).last()
                .satisfies(call -> assertThat(call.param("text")).contains("delivered to 1000 of 1000 — done."));
    }

    @Test
    void aProcessStoppedHalfwayIsCompletedByTheNextStillExactlyOnce() {
        Path db = dir.resolve("stopped.db");
        AdjustableClock first = AdjustableClock.fixedAt(BotExtension.LATE_NOVEMBER);
        SlackAdapter adapter = adapter();
        try (Guildhall bot = bot(db, first, adapter.port())) {
            guildOfMembers(bot, MEMBERS);
            announce(bot, "Pizza at six!");
            // The process runs until about half the members have it, then stops
            for (int second = 0; announcementsByChannel().size() < MEMBERS / 2 && second < 3_600; second++) {
                bot.runDue();
                first.advance(Duration.ofSeconds(1));
            }
        } finally {
            adapter.close();
        }
        assertThat(announcementsByChannel().size()).isBetween(MEMBERS / 2, MEMBERS - 100);

        // When a new process starts on the same database
        AdjustableClock second = AdjustableClock.fixedAt(first.instant().plus(Duration.ofMinutes(5)));
        SlackAdapter restarted = adapter();
        try (Guildhall bot = bot(db, second, restarted.port())) {
            driveUntilDone(bot, second);
        } finally {
            restarted.close();
        }

        // Then every member has it, once
        assertEveryMemberGotItOnce();
    }
}
