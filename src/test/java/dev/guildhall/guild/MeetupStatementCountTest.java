package dev.guildhall.guild;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.SqlStatements;
import dev.guildhall.testing.SqlStatements.Counted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Announcing, reminding, moving and cancelling a meetup read every recipient's zone at once. */
class MeetupStatementCountTest {
    private static final String PLAN = "/guild meetup k8s \"2026-12-03 16:00\" \"Operators\" --tz Europe/London";

    @Test
    void announcingAMeetupReadsTheSameWhateverTheMembers() {
        assertEachMemberCostsOneMessage("announce", (t, statements) -> statements.during(() ->
                assertThat(t.sayOnly("alice", PLAN)).startsWith("📅 Planned meetup #1")));
    }

    @Test
    void aReminderReadsTheSameWhateverTheMembers() {
        assertEachMemberCostsOneMessage("24-hour reminder", (t, statements) -> {
            assertThat(t.say("alice", PLAN)).startsWith("📅 Planned meetup #1");
            t.clock.advance(Duration.between(t.clock.instant(), Instant.parse("2026-12-02T16:00:00Z")));
            Counted counted = statements.during(t.bot()::runDueTasks);
            t.bot().runDue();
            assertThat(t.chat.directTo(BotExtension.id("member1"))).anyMatch(s -> s.mentions("24-hour reminder"));
            return counted;
        });
    }

    @Test
    void movingAndCancellingAMeetupReadTheSameWhateverThePeopleGoing() {
        BiFunction<BotExtension, SqlStatements, Counted> goingThenMoved = (t, statements) -> {
            assertThat(t.say("alice", PLAN)).startsWith("📅 Planned meetup #1");
            for (int i = 1; i <= (int) t.count("guild_member") - 1; i++) {
                t.press("member" + i, GuildButtons.GOING + ":1");
            }
            return statements.during(() -> assertThat(t.sayOnly("alice", "/guild meetup move 1 \"2026-12-10 17:30\""))
                    .startsWith("🕒 Moved meetup #1"));
        };
        assertEachMemberCostsOneMessage("move", goingThenMoved);
        assertEachMemberCostsOneMessage("cancel", (t, statements) -> {
            assertThat(t.say("alice", PLAN)).startsWith("📅 Planned meetup #1");
            return statements.during(() -> assertThat(t.sayOnly("alice", "/guild meetup cancel 1")).contains("Cancelled"));
        });
    }

    private void assertEachMemberCostsOneMessage(String what, BiFunction<BotExtension, SqlStatements, Counted> scenario) {
        Counted one = withMembers(1, scenario);
        Counted twenty = withMembers(20, scenario);
        System.out.println(what + ": N=1 " + one.summary() + "; N=20 " + twenty.summary());
        assertThat(twenty.reads()).as("reads\n%s\n%s", one, twenty).isEqualTo(one.reads());
        assertThat(twenty.writes()).as("writes\n%s\n%s", one, twenty).isEqualTo(one.writes() + 19);
    }

    private Counted withMembers(int n, BiFunction<BotExtension, SqlStatements, Counted> scenario) {
        try (BotExtension t = BotExtension.wholeBot().begin()) {
            t.sayIn("alice", "k8s", "/guild create k8s \"Kubernetes guild\" here");
            for (int i = 1; i <= n; i++) {
                t.zone("member" + i, i % 2 == 0 ? "Europe/Berlin" : "America/New_York");
                t.say("member" + i, "/guild join k8s");
            }
            return scenario.apply(t, SqlStatements.on(t.bot().database()));
        }
    }
}
