package dev.guildhall.programme;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.SqlStatements;
import dev.guildhall.testing.SqlStatements.Counted;
import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Sending a check and a programme's insights read the same whatever the cohort's size. */
class ProgrammeStatementCountTest {
    @Test
    void sendingACheckReadsTheSameWhateverTheParticipants() {
        // When the owner sends the check to a cohort of one or twenty
        BiFunction<BotExtension, SqlStatements, Counted> send = (t, statements) -> {
            Counted counted = statements.during(() -> t.sayOnly("olivia", "/check send \"Pods\""));
            assertThat(t.count("check_round")).isEqualTo(t.count("cohort_member"));
            return counted;
        };
        Counted one = withCohortOf(1, send);
        Counted twenty = withCohortOf(20, send);
        // Then each participant costs the writes of their round and their DM, and no read
        assertThat(twenty.reads()).as("reads\n%s\n%s", one, twenty).isEqualTo(one.reads());
        assertThat(twenty.writes()).as("writes\n%s\n%s", one, twenty).isEqualTo(one.writes() + 19 * 2);
    }

    @Test
    void insightsReadTheSameWhateverTheCohortsSize() {
        // Given the check sent to a cohort of one or twenty, and answered by the first trainee
        BiFunction<BotExtension, SqlStatements, Counted> insights = (t, statements) -> {
            t.say("olivia", "/check send \"Pods\"");
            // When a lead looks at the programme's insights
            return statements.during(() -> t.sayOnly("alice", "/programme insights k8s-101"));
        };
        Counted one = withCohortOf(1, insights);
        Counted twenty = withCohortOf(20, insights);
        // Then
        assertThat(twenty.all()).as("%s\n%s", one, twenty).isEqualTo(one.all());
    }

    private Counted withCohortOf(int n, BiFunction<BotExtension, SqlStatements, Counted> scenario) {
        try (BotExtension t = BotExtension.wholeBot().begin()) {
            PodsProgramme.create(t);
            t.say("olivia", "/check add \"Pods\" \"Do containers in a pod share an IP?\" \"Yes\" \"No\"");
            for (int i = 1; i <= n; i++) {
                t.zone("trainee" + i, "Europe/Berlin");
                t.say("trainee" + i, "/programme join k8s-101");
            }
            Counted counted = scenario.apply(t, SqlStatements.on(t.bot().database()));
            System.out.println("N=" + n + ": " + counted.summary());
            return counted;
        }
    }

}
