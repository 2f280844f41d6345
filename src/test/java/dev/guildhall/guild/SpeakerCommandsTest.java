package dev.guildhall.guild;

import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerCommandsTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().startingAt(BotExtension.LATE_NOVEMBER).unstarted();

    @BeforeEach
    void start() {
        t.zone("alice", "Europe/Berlin").zone("bob", "America/New_York");
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");
        t.say("bob", "/guild join k8s");
        t.say("carol", "/guild join k8s");
        t.say("alice", "/guild meetup k8s \"2026-11-28 10:00\" \"Operators\"");
        t.say("carol", "/guild notify k8s off");
        t.chat.clear();
    }

    @Test
    void aMemberProposesALeadSchedulesItAndTheSpeakerGetsTheReminders() {
        // Given carol (who turned DMs off) proposes a talk
        assertThat(t.say("zed", "/guild propose k8s \"Helm\"")).contains("You're not in");
        assertThat(t.say("carol", "/guild propose k8s \"Operators in 20 minutes\""))
                .contains("is proposal #1");
        assertThat(t.chat.to("console:alice")).singleElement().satisfies(m -> assertThat(m.text())
                .contains("carol offers a talk").contains("*Operators in 20 minutes*"));
        assertThat(t.say("bob", "/guild proposals k8s")).contains("Only leads");
        assertThat(t.say("alice", "/guild proposals k8s")).contains("#1 Operators in 20 minutes: by carol");

        // When the lead schedules it into the meetup
        assertThat(t.say("alice", "/guild schedule 1 1")).contains("carol's talk *Operators in 20 minutes* is in"
                + " meetup #1");
        assertThat(t.say("alice", "/guild schedule 1 1")).contains("already in meetup #1");

        // Then the speaker is told, is shown in the meetups, and gets the reminders though her DMs are off
        assertThat(t.chat.to("console:carol")).anySatisfy(m -> assertThat(m.text()).startsWith("🎤 Your talk"));
        assertThat(t.say("bob", "/guild meetups k8s")).contains("speaker carol: Operators in 20 minutes");
        t.clock.advance(Duration.ofHours(25));
        t.bot().runDue();
        assertThat(t.chat.to("console:carol")).filteredOn(m -> m.text().startsWith("⏰ 24-hour reminder")).singleElement()
                .satisfies(m -> assertThat(m.message().fields()).anySatisfy(f -> assertThat(f.value())
                        .isEqualTo("carol — Operators in 20 minutes")));
        assertThat(t.say("alice", "/guild proposals k8s")).contains("No talk proposals");
    }

    @Test
    void aCancelledMeetupsTalkGoesBackToTheProposals() {
        t.say("carol", "/guild propose k8s \"Operators in 20 minutes\"");
        t.say("alice", "/guild schedule 1 1");

        assertThat(t.say("alice", "/guild meetup cancel 1")).contains("carol's talk is back among the proposals");

        assertThat(t.chat.to("console:carol")).anySatisfy(m -> assertThat(m.text()).contains("was cancelled, so your"
                + " talk *Operators in 20 minutes* is back among the proposals"));
        assertThat(t.say("alice", "/guild proposals k8s")).contains("#1 Operators in 20 minutes: by carol");
    }

    @Test
    void badSchedulingChangesNothing() {
        t.say("bob", "/guild propose k8s \"Helm charts\"");
        assertThat(t.say("alice", "/guild schedule 1 99")).contains("There is no meetup #99");
        assertThat(t.say("alice", "/guild schedule one 1")).contains("isn't a proposal id");
        assertThat(t.say("alice", "/guild schedule 5 1")).contains("There is no talk proposal #5");
        assertThat(t.say("alice", "/guild proposals k8s")).contains("#1 Helm charts");
    }
}
