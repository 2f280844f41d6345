package dev.guildhall.insights;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.guildhall.testing.BotExtension.id;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /guild insights}: leads only, charts to the caller, the weekly digest and the week-long-wait notice. */
class GuildInsightsTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot();

    @BeforeEach
    void guildWithALeadAndAMember() {
        t.zone("alice", "Europe/Berlin");
        t.say("alice", "/guild create data \"Data guild\"");
        t.say("bob", "/guild join data");
        t.say("erin", "/guild join data");
        t.chat.clear();
    }

    @Test
    void onlyTheGuildsLeadsSeeItsInsightsAndARefusalChangesNothing() {
        assertThat(t.say("bob", "/guild insights data"))
                .startsWith("Only leads of *Data guild* (data) can see its insights.");
        assertThat(t.say("alice", "/guild insights")).startsWith("Which guild? /guild insights <slug>");
        assertThat(t.say("alice", "/guild insights nope")).startsWith("There is no guild called \"nope\"");
        assertThat(t.say("alice", "/guild insights data everything"))
                .startsWith("Type /guild insights data for the insights");
        assertThat(t.say("alice", "/guild insights help")).startsWith("/guild insights <slug> [weekly on|off]");
        assertThat(t.say("alice", "/guild help")).contains("/guild insights <slug>");

        assertThat(t.count("insights_digest")).isZero();
        assertThat(t.count("scheduled_task WHERE kind <> 'insights.daily'")).as("only the round started with the bot")
                .isZero();
        assertThat(t.chat.sent()).isEmpty();
        assertThat(t.chat.files()).isEmpty();
    }

    @Test
    void aLeadGetsTheNumbersAndTheChartsAsFiles() {
        t.say("alice", "/teach kafka");
        t.say("bob", "/learn kafka");
        t.advance(Duration.ofHours(3));
        t.press("alice", "mentorship.accept:1");
        t.say("erin", "/learn rust");
        t.chat.clear();

        String reply = t.say("alice", "/guild insights data");

        assertThat(reply).contains("Unmet demand: rust: 1 waiting, no teacher, longest for 0 min")
                .contains("Time to match: median 3 h · p90 3 h (1 matched)")
                .contains("Acceptance: 1 of 1 proposal accepted (100%)")
                .contains("Matches per teacher: alice 1")
                .contains("Waiting over a week: nobody")
                .contains("Confusion hot spots: no live sessions yet");
        assertThat(t.chat.files()).extracting(f -> f.target() + " " + f.file().title())
                .containsExactly("console:alice Demand by topic", "console:alice Time to match");
        assertThat(t.chat.files()).allSatisfy(f -> assertThat(f.file().isImage()).isTrue());
    }

    @Test
    void leadsGetAWeeklyDigestOnMondayNineInTheirOwnZoneUntilTheyTurnItOff() {
        t.say("erin", "/learn rust");
        t.say("alice", "/guild insights data");
        t.chat.clear();

        // BotExtension starts Monday 2026-03-02 09:00 UTC = 10:00 in Berlin: the next digest is Monday 9 March 08:00 UTC
        t.advance(Duration.between(BotExtension.START, Instant.parse("2026-03-09T07:59:00Z")));
        assertThat(digestsTo("alice")).isEmpty();
        assertThat(t.chat.directTo(id("erin"))).as("6 days 23 hours is not over a week yet").isEmpty();
        t.advance(Duration.ofMinutes(1));

        List<Sent> digests = digestsTo("alice");
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).message().fields()).extracting(f -> f.label() + ": " + f.value()).containsExactly(
                "Waiting with no teacher: 1 (1 topic)",
                "Median time to match: no matches yet",
                "Learners who now teach: 0",
                "One thing to do: 1 wants rust and nobody teaches it — propose a talk or announce a call for teachers.");
        assertThat(t.chat.directTo(id("bob"))).as("members get no digest").isEmpty();

        // A week later: the digest again, and erin, now waiting over a week, is told — once
        t.advance(Duration.ofDays(7));
        assertThat(digestsTo("alice")).hasSize(2);
        assertThat(t.chat.directTo(id("erin"))).filteredOn(s -> s.mentions("You're not forgotten")).hasSize(1);
        t.say("alice", "/guild insights data");
        assertThat(t.chat.directTo(id("erin"))).filteredOn(s -> s.mentions("You're not forgotten")).hasSize(1);

        assertThat(t.say("alice", "/guild insights data weekly off")).startsWith("🔕 No more weekly insights");
        assertThat(t.say("alice", "/guild insights data weekly off")).contains("already off");
        t.advance(Duration.ofDays(7));
        assertThat(digestsTo("alice")).hasSize(2);

        assertThat(t.say("alice", "/guild insights data weekly on"))
                .contains("the next on Mon Mar 30 09:00 (Europe/Berlin)");
        t.advance(Duration.ofDays(7));
        assertThat(digestsTo("alice")).hasSize(3);
    }

    @Test
    void aLeadWhoStepsDownGetsNoMoreDigests() {
        t.say("alice", "/guild lead add data @bob");
        t.say("alice", "/guild insights data");
        assertThat(t.count("insights_digest")).as("every lead is enrolled").isEqualTo(2);
        t.say("bob", "/guild lead remove data @alice");
        t.chat.clear();

        t.advance(Duration.ofDays(7));

        assertThat(digestsTo("alice")).isEmpty();
        assertThat(digestsTo("bob")).hasSize(1);
    }

    @Test
    void afterTheFirstLookTheWaitingAreToldAndNewLeadsSignedUpWithoutAnyoneLooking() {
        // Given insights were asked once, before erin asked for rust and before bob became a lead
        t.say("alice", "/guild insights data");
        t.say("erin", "/learn rust");
        t.say("alice", "/guild lead add data @bob");

        // When eight days pass, a day at a time, and nobody asks again
        for (int day = 0; day < 8; day++) {
            t.advance(Duration.ofDays(1));
        }

        // Then the daily round told erin once, and signed bob up: his first digest came on Monday 9 March
        assertThat(t.chat.directTo(id("erin"))).filteredOn(s -> s.mentions("You're not forgotten")).hasSize(1);
        assertThat(digestsTo("bob")).hasSize(1);
        t.advance(Duration.ofDays(3));
        assertThat(t.chat.directTo(id("erin"))).filteredOn(s -> s.mentions("You're not forgotten")).hasSize(1);
        assertThat(t.count("scheduled_task WHERE kind = 'insights.daily' AND done_at IS NULL"))
                .as("one link of the chain waits at a time").isEqualTo(1);
    }

    private List<Sent> digestsTo(String name) {
        return t.chat.directTo(id(name)).stream().filter(s -> s.message().text().startsWith("📬 Weekly insights"))
                .toList();
    }
}
