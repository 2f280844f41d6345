package dev.guildhall.workinggroup;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.SqlStatements;
import dev.guildhall.testing.SqlStatements.Counted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning a check-in round reads the members' zones and skips once, whatever the group's size. */
class CheckinStatementCountTest {
    @Test
    void planningARoundReadsTheSameWhateverTheMembers() {
        // Given a group with one or twenty members besides its owner
        Counted one = planWith(1);
        Counted twenty = planWith(20);
        // Then each member costs the writes of their ask (the ask and its task), and no read
        assertThat(twenty.reads()).as("reads\n%s\n%s", one, twenty).isEqualTo(one.reads());
        assertThat(twenty.writes()).as("writes\n%s\n%s", one, twenty).isEqualTo(one.writes() + 19 * 2);
    }

    private Counted planWith(int n) {
        try (BotExtension t = BotExtension.wholeBot().begin()) {
            t.sayIn("alice", "platform", "/guild create platform \"Platform guild\" here");
            t.say("alice", "/wg create vpc --guild platform \"VPC peering for everyone\" --size " + n);
            for (int i = 1; i <= n; i++) {
                t.zone("member" + i, i % 2 == 0 ? "Europe/Berlin" : "America/New_York");
                t.say("member" + i, "/guild join platform");
                t.say("member" + i, "/wg join vpc");
            }
            SqlStatements statements = SqlStatements.on(t.bot().database());
            // When the owner plans the check-in
            Counted counted = statements.during(() -> t.sayOnly("alice",
                    "/wg checkin vpc \"What did you try this week?\" every tuesday 10:00"));
            System.out.println("N=" + n + ": " + counted.summary());
            assertThat(t.count("wg_checkin_ask")).isEqualTo(n + 1); // the members and the owner
            return counted;
        }
    }
}
