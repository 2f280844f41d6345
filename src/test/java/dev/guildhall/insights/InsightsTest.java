package dev.guildhall.insights;

import dev.guildhall.core.PersonId;
import dev.guildhall.insights.History.MatchRow;
import dev.guildhall.insights.History.OfferRow;
import dev.guildhall.insights.History.SessionRow;
import dev.guildhall.insights.History.TicketRow;
import dev.guildhall.topic.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbers, computed from rows without a database. */
class InsightsTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Insights INSIGHTS = new Insights(new Topics(Map.of()));
    static final Reach NO_REACH = new Reach(0, 0, 0, 0, 0, 0, 0, Map.of());

    static PersonId p(String name) {
        return PersonId.of("console", name);
    }

    static TicketRow ticket(long id, String learner, String topic, String status, Duration after) {
        return new TicketRow(id, p(learner), topic, status, T0.plus(after));
    }

    private static MatchRow accepted(long id, long ticket, String learner, String teacher, String topic,
                                     Duration at) {
        return new MatchRow(id, ticket, p(learner), p(teacher), topic, "DONE", true, Optional.of(T0.plus(at)));
    }

    @Test
    void medianAndP90AreNearestRankOverEveryMatchedTicket() {
        List<Duration> waits = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).stream().map(h -> Duration.ofHours(h)).toList();

        assertThat(Stats.median(waits)).contains(Duration.ofHours(5));
        assertThat(Stats.percentile(waits, 0.9)).contains(Duration.ofHours(9));
        assertThat(Stats.median(List.of())).isEmpty();
        assertThat(Stats.percentile(List.of(Duration.ofMinutes(7)), 0.9)).contains(Duration.ofMinutes(7));
    }

    @Test
    void aThreeGenerationLineageIsATreeAndEveryGraduateIsNamed() {
        // Given alice taught bob, bob graduated and taught carol, carol graduated and taught dan
        List<TicketRow> tickets = List.of(ticket(1, "bob", "kafka", "DONE", Duration.ZERO),
                ticket(2, "carol", "kafka", "DONE", Duration.ofDays(10)),
                ticket(3, "dan", "kafka", "MATCHED", Duration.ofDays(20)));
        List<MatchRow> matches = List.of(accepted(1, 1, "bob", "alice", "kafka", Duration.ofHours(1)),
                accepted(2, 2, "carol", "bob", "kafka", Duration.ofDays(10).plusHours(5)),
                accepted(3, 3, "dan", "carol", "kafka", Duration.ofDays(20).plusHours(24)));
        List<OfferRow> offers = List.of(new OfferRow(p("alice"), "kafka", true, Optional.empty()),
                new OfferRow(p("bob"), "kafka", true, Optional.of(1L)),
                new OfferRow(p("carol"), "kafka", true, Optional.of(2L)));
        History history = new History(tickets, matches, offers, List.of(), Map.of());

        Report report = INSIGHTS.compute(history, NO_REACH, Scope.everyone(), T0.plus(Duration.ofDays(30)));

        assertThat(report.graduates()).extracting(g -> g.name() + "<" + g.learnedFrom().orElse("?"))
                .containsExactly("bob<alice", "carol<bob");
        assertThat(InsightsMessages.lineage(report))
                .isEqualTo("kafka\nalice\n└─ bob (now teaches)\n   └─ carol (now teaches)\n      └─ dan");
        assertThat(InsightsMessages.timeToMatch(report.matching())).isEqualTo("median 5 h · p90 24 h (3 matched)");
        assertThat(Charts.graduationTree(report)).hasValueSatisfying(chart ->
                assertThat(chart.summary()).isEqualTo("Who taught whom on kafka: alice → bob, bob → carol,"
                        + " carol → dan. Now teaching it after learning it here: bob, carol."));
    }

    @Test
    void unmetDemandSuggestsThePeopleWhoFinishedTheTopic() {
        // Given three finished kafka here long ago, nobody teaches it any more, and two wait for it
        List<TicketRow> tickets = List.of(ticket(1, "ann", "kafka", "DONE", Duration.ZERO),
                ticket(2, "ben", "kafka", "DONE", Duration.ZERO), ticket(3, "cat", "kafka", "DONE", Duration.ZERO),
                ticket(4, "dee", "kafka", "WAITING", Duration.ofDays(5)),
                ticket(5, "eve", "kafka", "WAITING", Duration.ofDays(12)));
        List<OfferRow> offers = List.of(new OfferRow(p("old"), "kafka", false, Optional.empty()));
        History history = new History(tickets, List.of(), offers, List.of(), Map.of(p("ann"), "Ann"));

        Report report = INSIGHTS.compute(history, NO_REACH, Scope.everyone(), T0.plus(Duration.ofDays(14)));

        assertThat(report.suggestions().get(0)).isEqualTo("2 want kafka and nobody teaches it — propose a talk or"
                + " announce a call for teachers, or ask the 3 people who finished kafka to teach (Ann, ben, cat).");
        assertThat(report.matching().leftOut()).extracting(Report.LeftOut::learner).containsExactly(p("dee"));
    }

    @Test
    void aGuildSeesItsMembersTicketsItsTopicsAndSessionsInItsChannel() {
        Scope guild = new Scope("Data", Optional.of(1L), Set.of(p("bob")), Set.of("sql"), Optional.of("console:data"));
        List<TicketRow> tickets = List.of(ticket(1, "bob", "rust", "WAITING", Duration.ZERO),
                ticket(2, "zoe", "sql", "WAITING", Duration.ZERO),
                ticket(3, "zoe", "css", "WAITING", Duration.ZERO));
        List<SessionRow> sessions = List.of(
                new SessionRow(1, "SQL joins", Optional.of("console:data"), p("zoe"), T0, Optional.of(T0.plusSeconds(600)),
                        List.of(T0, T0.plusSeconds(60), T0.plusSeconds(61)), 2),
                new SessionRow(2, "CSS grid", Optional.of("console:web"), p("zoe"), T0, Optional.of(T0.plusSeconds(600)),
                        List.of(T0), 0));
        History history = new History(tickets, List.of(), List.of(), sessions, Map.of());

        Report report = INSIGHTS.compute(history, NO_REACH, guild, T0.plus(Duration.ofDays(1)));

        assertThat(report.demand()).extracting(Report.TopicDemand::topic).containsExactlyInAnyOrder("rust", "sql");
        assertThat(report.confusion()).extracting(InsightsMessages::session)
                .containsExactly("SQL joins (Mar 2): 3 WAIT flags in 10 min (0.30/min), 2 questions, 0 /learn tickets"
                        + " on it since");
    }

    @Test
    void longListsStopAtTenAndSayHowManyMoreThereAre() {
        // Given 15 teachers who each took one learner
        List<TicketRow> tickets = new java.util.ArrayList<>();
        List<MatchRow> matches = new java.util.ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            tickets.add(ticket(i, "learner" + i, "go", "MATCHED", Duration.ZERO));
            matches.add(accepted(i, i, "learner" + i, "teacher" + (100 + i), "go", Duration.ofHours(i)));
        }
        History history = new History(tickets, matches, List.of(), List.of(), Map.of());

        Report report = INSIGHTS.compute(history, NO_REACH, Scope.everyone(), T0.plus(Duration.ofDays(1)));

        assertThat(InsightsMessages.perTeacher(report.matching())).startsWith("teacher101 1 · teacher102 1")
                .endsWith("teacher110 1 … and 5 more teachers");
    }
}
