package dev.guildhall.guild;

import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MeetupCommandsTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().startingAt(BotExtension.LATE_NOVEMBER).unstarted();

    @BeforeEach
    void start() {
        t.zone("alice", "Europe/Berlin").zone("bob", "America/New_York");
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");
        t.say("bob", "/guild join k8s");
        t.say("carol", "/guild join k8s");
        t.chat.clear();
    }

    private long reminders(String who, String prefix) {
        return t.chat.to("console:" + who).stream().filter(m -> m.text().startsWith(prefix)).count();
    }

    @Test
    void aNonLeadCannotPlanAMeetup() {
        assertThat(t.say("bob", "/guild meetup k8s \"2026-12-03 16:00\" \"Talk\""))
                .isEqualTo("Only leads of *Kubernetes guild* (k8s) can plan meetups. Ask a lead (alice) — or ask them"
                        + " to make you one with /guild lead add k8s @you.");
        assertThat(t.say("bob", "/guild meetups k8s")).contains("No meetups planned");
    }

    @Test
    void anUnparseableTimeSaysWhichFormsAreUnderstoodAndPlansNothing() {
        String reply = t.say("alice", "/guild meetup k8s \"soon-ish\" \"Talk\"");

        assertThat(reply).contains("I can't read \"soon-ish\" as a meetup time. I understand times like")
                .contains("2026-12-10 16:00").contains("every 2nd tuesday 16:00").contains("every weekday 9:30");
        assertThat(t.say("alice", "/guild meetup k8s every thursday 10:00 \"Office hours\""))
                .contains("Put the time and the title each in quotes").contains("I understand times like");
        assertThat(t.say("alice", "/guild meetups k8s")).contains("No meetups planned");
        assertThat(t.chat.sent()).isEmpty();
    }

    @Test
    void withoutAnyKnownZoneTheLeadIsToldHowToGiveOne() {
        t.say("zed", "/guild create web \"Web guild\"");
        assertThat(t.say("zed", "/guild meetup web \"2026-12-03 16:00\" \"Talk\""))
                .contains("Which time zone is that in?").contains("--tz Europe/Berlin");
        assertThat(t.say("zed", "/guild meetup web \"2026-12-03 16:00\" \"Talk\" --tz Europe/Lisbon"))
                .contains("Thu 3 Dec 2026, 16:00 (Europe/Lisbon)");
        assertThat(t.say("zed", "/guild meetup web \"2026-12-03 16:00\" \"Talk\" --tz Mars/Olympus"))
                .contains("is not a time zone I know");
    }

    @Test
    void aTimeWithItsOwnOffsetOrRelativeToNowNeedsNoZone() {
        t.say("zed", "/guild create web \"Web guild\"");

        assertThat(t.say("zed", "/guild meetup web \"2026-12-10T16:00Z\" \"Z talk\""))
                .contains("Thu 10 Dec 2026, 16:00 (UTC)");
        assertThat(t.say("zed", "/guild meetup web \"2026-12-10T16:00+01:00\" \"Offset talk\""))
                .contains("Thu 10 Dec 2026, 16:00 (+01:00)");
        assertThat(t.say("zed", "/guild meetup web \"in 90m\" \"Soon\"")).contains("Thu 26 Nov 2026, 10:30 (UTC)");
        assertThat(t.say("zed", "/guild meetup web \"4pm\" \"Local\"")).contains("Which time zone is that in?");
    }

    @Test
    void aRepeatingMeetupNamesItsZoneToAMemberElsewhereAndItsDmsSayItRepeats() {
        t.zone("carol", "Asia/Tokyo");
        t.say("carol", "/guild meetups k8s"); // the bot learns her zone

        t.say("alice", "/guild meetup k8s \"every 2nd tuesday 16:00\" \"Operators deep dive\"");

        assertThat(t.chat.to("console:carol")).singleElement().satisfies(dm -> {
            assertThat(dm.text()).startsWith("📅 New meetup").contains("Wed 9 Dec 2026, 00:00 (Asia/Tokyo)");
            assertThat(dm.message().fields()).anySatisfy(field -> {
                assertThat(field.label()).isEqualTo("Repeats");
                assertThat(field.value()).isEqualTo("every 2nd tuesday 16:00 Europe/Berlin time");
            });
        });
        assertThat(t.say("carol", "/guild meetups k8s")).contains("Wed 9 Dec 2026, 00:00 (Asia/Tokyo)"
                + " · repeats every 2nd tuesday 16:00 Europe/Berlin time");
        assertThat(t.say("alice", "/guild meetups k8s")).contains("Tue 8 Dec 2026, 16:00 (Europe/Berlin)"
                + " · repeats every 2nd tuesday 16:00 ·");
    }

    @Test
    void aReminderThatFellDueWhileTheBotWasDownIsSentOnceOnStart() {
        t.say("alice", "/guild meetup k8s \"2026-11-28 10:00\" \"Operators\""); // 48 h ahead
        t.chat.clear();

        // Down for 30 hours: the 24-hour reminder is overdue, but the meetup is still ahead
        t.clock.advance(Duration.ofHours(30));
        t.restart();
        t.bot().runDue();
        t.bot().runDue();

        assertThat(reminders("bob", "⏰ 24-hour reminder")).isEqualTo(1);
        assertThat(reminders("carol", "⏰ 24-hour reminder")).isEqualTo(1);
        assertThat(t.chat.to("console:carol").get(0).message().context()).contains("set yours in your chat profile");
    }

    @Test
    void remindersOfAMeetupThatIsOverAreSkippedWithANoteToTheLead() {
        t.say("alice", "/guild meetup k8s \"2026-11-28 10:00\" \"Operators\"");
        t.chat.clear();

        // Down for three days: the meetup is over
        t.clock.advance(Duration.ofDays(3));
        t.restart();
        t.bot().runDue();

        assertThat(t.chat.to("console:bob")).isEmpty();
        assertThat(t.chat.to("console:alice")).singleElement().satisfies(m -> assertThat(m.text())
                .startsWith("ℹ️ I was offline when the").contains("*Operators*").contains("skipped"));
    }

    @Test
    void aRecurringMeetupPlansItsNextOccurrenceWhenOnePasses() {
        assertThat(t.say("alice", "/guild meetup k8s \"weekly on thursday 18:00\" \"Office hours\""))
                .contains("Thu 26 Nov 2026, 18:00 (Europe/Berlin)").contains("Repeats every thursday 18:00");

        t.clock.advance(Duration.ofHours(7)); // 17:00 Berlin
        t.bot().runDue();
        t.clock.advance(Duration.ofHours(1));
        t.bot().runDue();

        assertThat(reminders("bob", "🟢 Starting now")).isEqualTo(1);
        assertThat(reminders("bob", "⏰ 1-hour reminder")).isEqualTo(1);
        assertThat(t.say("alice", "/guild meetups k8s")).contains("#2 Office hours: Thu 3 Dec 2026, 18:00"
                + " (Europe/Berlin) · repeats every thursday 18:00");

        t.clock.advance(Duration.ofDays(6));
        t.bot().runDue();
        assertThat(reminders("bob", "⏰ 24-hour reminder")).isEqualTo(1);
    }

    @Test
    void rsvpsAreCountedForLeadsAndNotGoingStopsReminders() {
        t.say("alice", "/guild meetup k8s \"2026-11-28 10:00\" \"Operators\"");

        assertThat(t.press("bob", "guild.going:1")).startsWith("✅ You're going to *Operators* — Sat 28 Nov 2026, 04:00"
                + " (America/New_York). 1 going so far.");
        assertThat(t.press("carol", "guild.notgoing:1")).contains("you're not going");
        assertThat(t.press("zed", "guild.going:1")).contains("Join *Kubernetes guild* (k8s) first");
        assertThat(t.say("alice", "/guild meetups k8s")).contains("✅ 1 going, ❌ 1 not going");
        assertThat(t.say("bob", "/guild meetups k8s")).doesNotContain("going,");

        t.clock.advance(Duration.ofHours(25));
        t.bot().runDue();
        assertThat(reminders("bob", "⏰ 24-hour reminder")).isEqualTo(1);
        assertThat(reminders("carol", "⏰ 24-hour reminder")).isZero();
    }

    @Test
    void cancellingTellsEveryoneAndStopsReminders() {
        t.say("alice", "/guild meetup k8s \"2026-11-28 10:00\" \"Operators\"");
        assertThat(t.say("bob", "/guild meetup cancel 1")).contains("Only leads");
        assertThat(t.say("alice", "/guild meetup cancel x")).contains("isn't a meetup id");

        assertThat(t.say("alice", "/guild meetup cancel 1")).contains("Cancelled meetup #1");
        assertThat(reminders("bob", "❌ Cancelled: *Operators*")).isEqualTo(1);

        t.clock.advance(Duration.ofDays(3));
        t.bot().runDue();
        assertThat(reminders("bob", "⏰")).isZero();
        assertThat(t.say("alice", "/guild meetup cancel 1")).contains("already cancelled");
    }
}
