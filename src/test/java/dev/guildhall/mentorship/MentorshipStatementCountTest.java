package dev.guildhall.mentorship;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.SqlStatements;
import dev.guildhall.testing.SqlStatements.Counted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL a mentorship command runs does not grow with the tickets, teachers or proposals it goes through. */
class MentorshipStatementCountTest {
    @Test
    void theLearningBoardReadsTheSameWhateverTheTicketsOnIt() {
        // Given one or twenty waiting tickets, each on its own topic and with a goal
        Function<Integer, Counted> board = n -> counted(n, (t, statements) -> {
            for (int i = 1; i <= n; i++) {
                t.say("learner" + i, "/learn topic" + i + " get going with it");
            }
            // When
            return statements.during(() -> t.sayOnly("viewer", "/learn board"));
        });
        // Then
        assertSameCount(board.apply(1), board.apply(20));
    }

    @Test
    void aNewTicketExplainsTheWaitWithTheSameQueriesWhateverTheTeachersWithRoom() {
        // Given one or twenty teachers of the topic, all paused
        Function<Integer, Counted> learn = n -> counted(n, (t, statements) -> {
            for (int i = 1; i <= n; i++) {
                t.say("teacher" + i, "/teach go");
                t.say("teacher" + i, "/teach pause");
            }
            // When
            return statements.during(() -> t.sayOnly("bob", "/learn go"));
        });
        // Then
        assertSameCount(learn.apply(1), learn.apply(20));
    }

    @Test
    void anExpiredProposalTellsEveryWaitingLearnerWhyWithTheSameQueries() {
        // Given a teacher with one place, proposed to a learner, and one or twenty more learners waiting
        Function<Integer, Counted> expiry = n -> counted(n, (t, statements) -> {
            t.say("alice", "/teach go --capacity 1");
            t.say("first", "/learn go");
            for (int i = 1; i <= n; i++) {
                t.say("learner" + i, "/learn go");
            }
            t.chat.clear();
            // When the teacher lets the deadline pass (she is paused, the waiting learners hear why)
            t.clock.advance(Duration.ofDays(3).plusMinutes(1));
            Counted counted = statements.during(t.bot()::runDueTasks);
            t.bot().runDue();
            assertThat(t.chat.directTo(BotExtension.id("learner" + n))).singleElement()
                    .satisfies(s -> assertThat(s.message().text()).contains("alice has paused teaching"));
            return counted;
        });
        // Then the writes grow by the one message each waiting learner gets, the reads not at all
        Counted one = expiry.apply(1);
        Counted twenty = expiry.apply(20);
        assertThat(twenty.reads()).as("reads\n%s\n%s", one, twenty).isEqualTo(one.reads());
        assertThat(twenty.writes()).as("writes\n%s\n%s", one, twenty).isEqualTo(one.writes() + 19);
    }

    @Test
    void stoppingATopicLooksForOtherTeachersInOnePass() {
        // Given a teacher proposed to one or twenty learners who has not answered yet
        Function<Integer, Counted> stop = n -> counted(n, (t, statements) -> {
            t.say("alice", "/teach go --capacity 20");
            for (int i = 1; i <= n; i++) {
                t.say("learner" + i, "/learn go");
            }
            // When she stops teaching the topic
            return statements.during(() -> t.sayOnly("alice", "/teach stop go"));
        });
        // Then the waiting learners are matched in one pass, not once per withdrawn proposal
        Counted one = stop.apply(1);
        Counted twenty = stop.apply(20);
        assertThat(matchingPasses(twenty)).as("%s", twenty).isEqualTo(matchingPasses(one)).isEqualTo(1);
    }

    private static long matchingPasses(Counted counted) {
        return counted.statements().stream()
                .filter(sql -> sql.startsWith("SELECT EXISTS (SELECT 1 FROM teaching_offer o")).count();
    }

    private interface Scenario {
        Counted run(BotExtension t, SqlStatements statements);
    }

    private Counted counted(int n, Scenario scenario) {
        try (BotExtension t = BotExtension.wholeBot().begin()) {
            Counted counted = scenario.run(t, SqlStatements.on(t.bot().database()));
            System.out.println("N=" + n + ": " + counted.summary());
            return counted;
        }
    }


    static void assertSameCount(Counted one, Counted twenty) {
        assertThat(twenty.all()).as("statements with 1 row:\n%s\nwith 20 rows:\n%s", one, twenty)
                .isEqualTo(one.all());
    }
}
