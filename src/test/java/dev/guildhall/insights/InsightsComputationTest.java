package dev.guildhall.insights;

import dev.guildhall.core.PersonId;
import dev.guildhall.insights.History.MatchRow;
import dev.guildhall.insights.History.OfferRow;
import dev.guildhall.insights.History.SessionRow;
import dev.guildhall.insights.History.TicketRow;
import dev.guildhall.insights.Report.Edge;
import dev.guildhall.insights.Report.LeftOut;
import dev.guildhall.insights.Report.Matched;
import dev.guildhall.insights.Report.SessionConfusion;
import dev.guildhall.insights.Report.TopicDemand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.guildhall.insights.InsightsTest.INSIGHTS;
import static dev.guildhall.insights.InsightsTest.NO_REACH;
import static dev.guildhall.insights.InsightsTest.T0;
import static dev.guildhall.insights.InsightsTest.p;
import static dev.guildhall.insights.InsightsTest.ticket;
import static org.assertj.core.api.Assertions.assertThat;

/** Insights' numbers on hand-built rows: nothing, one row, ties, and the edges of each rule. No database, no clock. */
class InsightsComputationTest {
    private static Instant at(Duration after) {
        return T0.plus(after);
    }

    private static MatchRow match(long id, long ticket, String teacher, String status, boolean proposal,
                                  Duration answered) {
        return new MatchRow(id, ticket, p("learner" + ticket), p(teacher), "kafka", status, proposal,
                Optional.ofNullable(answered).map(InsightsComputationTest::at));
    }

    private static OfferRow offer(String teacher, String topic, boolean active) {
        return new OfferRow(p(teacher), topic, active, Optional.empty());
    }

    private static History history(List<TicketRow> tickets, List<MatchRow> matches, List<OfferRow> offers,
                                   List<SessionRow> sessions) {
        return new History(tickets, matches, offers, sessions, Map.of());
    }

    private static Report compute(History history, Duration nowAfterT0) {
        return INSIGHTS.compute(history, NO_REACH, Scope.everyone(), at(nowAfterT0));
    }

    @Test
    void noDataGivesNoNumbersNoSuggestionsAndNoCharts() {
        Report report = compute(history(List.of(), List.of(), List.of(), List.of()), Duration.ZERO);

        assertThat(report.demand()).isEmpty();
        assertThat(report.unmetWaiting()).isZero();
        assertThat(report.matching().matched()).isEmpty();
        assertThat(report.matching().median()).isEmpty();
        assertThat(report.matching().p90()).isEmpty();
        assertThat(report.matching().proposalsAnswered()).isZero();
        assertThat(report.matching().matchesPerTeacher()).isEmpty();
        assertThat(report.matching().leftOut()).isEmpty();
        assertThat(report.graduates()).isEmpty();
        assertThat(report.lineage()).isEmpty();
        assertThat(report.confusion()).isEmpty();
        assertThat(report.suggestions()).isEmpty();
        assertThat(Charts.planned(report)).isEmpty();
        assertThat(Stats.percent(0, 0)).isEqualTo("—");
    }

    @Test
    void oneWaitingTicketIsUnmetDemandThatWaitedSinceItOpened() {
        // Given one ticket, opened three days ago, and only an offer that was withdrawn
        History history = history(List.of(ticket(1, "bob", "kafka", "WAITING", Duration.ZERO)), List.of(),
                List.of(offer("alice", "kafka", false)), List.of());

        Report report = compute(history, Duration.ofDays(3));

        assertThat(report.demand()).containsExactly(new TopicDemand("kafka", 1, 0, Duration.ofDays(3), List.of()));
        assertThat(report.unmetWaiting()).isEqualTo(1);
        assertThat(report.suggestions()).containsExactly("1 wants kafka and nobody teaches it — propose a talk or"
                + " announce a call for teachers.");
        assertThat(report.matching().leftOut()).isEmpty();
        assertThat(Charts.planned(report)).containsExactly("Demand by topic");
    }

    @Test
    void demandTiesGoInTopicOrderAndATeacherCountsOnceHoweverManyOffers() {
        History history = history(List.of(ticket(1, "a", "rust", "WAITING", Duration.ofHours(5)),
                        ticket(2, "b", "zig", "WAITING", Duration.ZERO),
                        ticket(3, "c", "rust", "WAITING", Duration.ofHours(1)),
                        ticket(4, "d", "go", "WAITING", Duration.ofHours(2)),
                        ticket(5, "e", "go", "WAITING", Duration.ofHours(3)),
                        ticket(6, "f", "go", "MATCHED", Duration.ZERO),
                        ticket(7, "g", "go", "DONE", Duration.ZERO),
                        ticket(8, "h", "go", "DONE", Duration.ZERO)),
                List.of(), List.of(offer("tess", "go", true), offer("tess", "go", true), offer("h", "go", true)),
                List.of());

        Report report = compute(history, Duration.ofHours(10));

        // go and rust both have 2 waiting: alphabetical; zig's 1 comes last. h teaches go, so only g is suggested
        assertThat(report.demand()).containsExactly(
                new TopicDemand("go", 2, 2, Duration.ofHours(8), List.of("g")),
                new TopicDemand("rust", 2, 0, Duration.ofHours(9), List.of()),
                new TopicDemand("zig", 1, 0, Duration.ofHours(10), List.of()));
        assertThat(report.unmetWaiting()).isEqualTo(3);
        assertThat(report.suggestions()).startsWith("2 want rust and nobody teaches it — propose a talk or announce"
                + " a call for teachers.", "1 wants zig and nobody teaches it — propose a talk or announce a call for"
                + " teachers.");
    }

    @Test
    void timeToMatchCountsEachTicketsFirstAcceptanceAndProposalsByTheirAnswer() {
        History history = history(List.of(ticket(1, "learner1", "kafka", "DONE", Duration.ZERO),
                        ticket(2, "learner2", "kafka", "MATCHED", Duration.ofHours(1))),
                List.of(match(1, 1, "carol", "DONE", true, Duration.ofHours(5)),
                        match(2, 1, "alice", "CANCELLED", true, Duration.ofHours(2)),
                        match(3, 1, "bob", "DECLINED", true, Duration.ofHours(1)),
                        match(4, 2, "bob", "EXPIRED", true, null),
                        match(5, 2, "dave", "ACCEPTED", true, null),
                        match(6, 2, "bob", "ACCEPTED", false, Duration.ofHours(4))),
                List.of(), List.of());

        Report report = compute(history, Duration.ofDays(1));

        // ticket 1 first accepted by alice after 2 h (carol's later acceptance does not count twice); ticket 2 taken
        // by bob from the board after 3 h; dave's acceptance has no answer time, so it is not one
        assertThat(report.matching().matched()).containsExactly(new Matched(at(Duration.ofHours(2)),
                Duration.ofHours(2)), new Matched(at(Duration.ofHours(4)), Duration.ofHours(3)));
        assertThat(report.matching().median()).contains(Duration.ofHours(2));
        assertThat(report.matching().p90()).contains(Duration.ofHours(3));
        assertThat(report.matching().proposalsAccepted()).isEqualTo(2);
        assertThat(report.matching().proposalsAnswered()).isEqualTo(4);
        // each of the three teachers ran one pair: a tie, in name order, and nobody carries over half
        assertThat(report.matching().matchesPerTeacher()).containsExactly(Map.entry("alice", 1),
                Map.entry("bob", 1), Map.entry("carol", 1));
        assertThat(report.suggestions()).noneMatch(s -> s.contains(" pairs — "));
        assertThat(Charts.planned(report)).containsExactly("Time to match");
    }

    @Test
    void aTeacherWithOverHalfThePairsIsNamedToSpreadTheLoad() {
        History history = history(List.of(ticket(1, "learner1", "kafka", "DONE", Duration.ZERO),
                        ticket(2, "learner2", "kafka", "DONE", Duration.ZERO),
                        ticket(3, "learner3", "kafka", "DONE", Duration.ZERO)),
                List.of(match(1, 1, "bob", "DONE", true, Duration.ofHours(1)),
                        match(2, 2, "bob", "DONE", true, Duration.ofHours(1)),
                        match(3, 3, "alice", "DONE", true, Duration.ofHours(1))),
                List.of(), List.of());

        Report report = compute(history, Duration.ofDays(1));

        assertThat(report.matching().matchesPerTeacher()).containsExactly(Map.entry("bob", 2), Map.entry("alice", 1));
        assertThat(report.suggestions()).contains("bob ran 2 of 3 pairs — ask a graduate to take the next one so the"
                + " load spreads.");
    }

    @Test
    void leftOutMeansWaitingOrProposedWithoutATeacherForOverAWeek() {
        Duration week = Insights.LEFT_OUT_AFTER;
        History history = history(List.of(ticket(1, "exactly-a-week", "kafka", "WAITING", Duration.ofMinutes(1)),
                        ticket(2, "a-minute-more", "kafka", "WAITING", Duration.ZERO),
                        ticket(3, "proposed", "rust", "PROPOSED", Duration.ZERO),
                        ticket(4, "matched", "rust", "MATCHED", Duration.ZERO),
                        ticket(5, "accepted-yet-proposed", "rust", "PROPOSED", Duration.ZERO)),
                List.of(match(1, 5, "bob", "ACCEPTED", true, Duration.ofDays(1))), List.of(), List.of());

        Report report = compute(history, week.plusMinutes(1));

        assertThat(report.matching().leftOut()).containsExactly(
                new LeftOut(2, p("a-minute-more"), "kafka", week.plusMinutes(1)),
                new LeftOut(3, p("proposed"), "rust", week.plusMinutes(1)));
        assertThat(report.suggestions()).contains("2 people have waited over a week for a teacher (kafka, rust) —"
                + " they were told they're not forgotten; a teacher for them is the next thing to find.");
    }

    @Test
    void confusionHotSpotsRankByFlagsThenStartAndCountTheLearnTicketsOfTheWeekAfter() {
        SessionRow quiet = new SessionRow(1, "rust", Optional.empty(), p("ann"), at(Duration.ZERO),
                Optional.of(at(Duration.ofMinutes(30))), List.of(), 2);
        SessionRow lostEarly = new SessionRow(2, "Kafka", Optional.empty(), p("ann"), at(Duration.ofHours(1)),
                Optional.of(at(Duration.ofHours(2))), List.of(at(Duration.ofMinutes(70)), at(Duration.ofMinutes(80))),
                0);
        SessionRow lostLater = new SessionRow(3, "Kafka: why?", Optional.empty(), p("ann"), at(Duration.ofHours(3)),
                Optional.empty(), List.of(at(Duration.ofHours(3)), at(Duration.ofHours(4))), 1);
        Duration demandUntil = Duration.ofHours(2).plus(Insights.DEMAND_AFTER_SESSION);
        List<TicketRow> tickets = List.of(ticket(1, "a", "kafka", "WAITING", Duration.ofMinutes(59)),
                ticket(2, "b", "kafka", "WAITING", Duration.ofHours(1)),
                ticket(3, "c", "kafka", "WAITING", demandUntil),
                ticket(4, "d", "kafka", "WAITING", demandUntil.plusMinutes(1)),
                ticket(5, "e", "rust", "DONE", Duration.ofHours(1)));

        Report report = compute(history(tickets, List.of(), List.of(offer("t", "kafka", true),
                offer("t", "rust", true)), List.of(quiet, lostEarly, lostLater)), Duration.ofHours(5));

        // Tied on flags, the earlier session comes first; a running one counts its minutes to now; a title that is no
        // topic counts no tickets; a ticket before the start or past the week after the end is not counted
        assertThat(report.confusion()).containsExactly(
                new SessionConfusion("Kafka", at(Duration.ofHours(1)), 60, 2, 0, 2),
                new SessionConfusion("Kafka: why?", at(Duration.ofHours(3)), 120, 2, 1, 0),
                new SessionConfusion("rust", at(Duration.ZERO), 30, 0, 2, 1));
        assertThat(report.confusion().get(0).flagsPerMinute()).isEqualTo(2.0 / 60);
        // the top session did lead to /learn tickets, so no follow-up is suggested
        assertThat(report.suggestions()).noneMatch(s -> s.contains("lost people most"));
        assertThat(new SessionConfusion("s", T0, 0, 3, 0, 0).flagsPerMinute()).isEqualTo(3.0);
    }

    @Test
    void theMostConfusingSessionWithoutLearnTicketsAfterIsSuggestedAFollowUp() {
        SessionRow session = new SessionRow(1, "Kafka", Optional.empty(), p("ann"), T0,
                Optional.of(at(Duration.ofHours(1))), List.of(at(Duration.ofMinutes(5))), 0);

        Report report = compute(history(List.of(), List.of(), List.of(), List.of(session)), Duration.ofDays(1));

        assertThat(report.suggestions()).containsExactly("*Kafka* lost people most (1 WAIT flags) and nobody opened a"
                + " /learn ticket after — post the session's /learn invitation or run a follow-up.");
    }

    @Test
    void theBusFactorIsTheFewestSpeakersGivingHalfTheTalks() {
        assertThat(reach(Map.of()).busFactor()).isZero();
        assertThat(reach(Map.of("a", 1)).busFactor()).isEqualTo(1);
        assertThat(reach(Map.of("a", 3, "b", 1)).busFactor()).isEqualTo(1);
        assertThat(reach(Map.of("a", 2, "b", 2)).busFactor()).isEqualTo(1);
        assertThat(reach(Map.of("a", 1, "b", 1, "c", 1)).busFactor()).isEqualTo(2);
        assertThat(reach(Map.of("a", 1, "b", 1, "c", 1, "d", 1)).busFactor()).isEqualTo(2);

        History none = history(List.of(), List.of(), List.of(), List.of());
        String oneSpeaker = "Talks depend on one speaker — invite members to /guild propose a talk.";
        assertThat(INSIGHTS.compute(none, reach(Map.of("a", 1)), Scope.everyone(), T0).suggestions())
                .doesNotContain(oneSpeaker);
        assertThat(INSIGHTS.compute(none, reach(Map.of("a", 2)), Scope.everyone(), T0).suggestions())
                .containsExactly(oneSpeaker);
        assertThat(INSIGHTS.compute(none, reach(Map.of("a", 1, "b", 1)), Scope.everyone(), T0).suggestions())
                .containsExactly(oneSpeaker);
        assertThat(INSIGHTS.compute(none, reach(Map.of("a", 1, "b", 1, "c", 1)), Scope.everyone(), T0).suggestions())
                .isEmpty();
    }

    private static Reach reach(Map<String, Integer> talks) {
        Map<PersonId, Integer> bySpeaker = new HashMap<>();
        talks.forEach((name, count) -> bySpeaker.put(p(name), count));
        return new Reach(10, 1, 10, 9, 1, 1, 4, bySpeaker);
    }

    @Test
    void theTreeChartDrawsTheTopicWithTheMostPairsAndPlacesTeachersOverTheirLearners() {
        History history = new History(List.of(ticket(1, "bob", "go", "DONE", Duration.ZERO),
                ticket(2, "carol", "go", "DONE", Duration.ZERO), ticket(3, "dan", "rust", "DONE", Duration.ZERO)),
                List.of(new MatchRow(1, 1, p("bob"), p("alice"), "go", "DONE", true, Optional.of(T0)),
                        new MatchRow(2, 2, p("carol"), p("alice"), "go", "DONE", true, Optional.of(T0)),
                        new MatchRow(3, 3, p("dan"), p("erin"), "rust", "DONE", true, Optional.of(T0))),
                List.of(new OfferRow(p("bob"), "go", true, Optional.of(1L)),
                        new OfferRow(p("dan"), "rust", true, Optional.of(3L))),
                List.of(), Map.of(p("alice"), "Alice"));

        Report report = compute(history, Duration.ofDays(1));

        assertThat(report.lineage()).containsOnlyKeys("go", "rust");
        assertThat(report.lineage().get("go")).containsExactly(new Edge("Alice", "bob"), new Edge("Alice", "carol"));
        assertThat(Charts.planned(report)).containsExactly("Time to match", "Graduation tree: go");

        Charts.TreeLayout layout = Charts.TreeLayout.of(report.lineage().get("go"));
        assertThat(layout.width()).isEqualTo(2);
        assertThat(layout.depth()).isEqualTo(1);
        assertThat(layout.positions().get("bob")).containsExactly(0, -1);
        assertThat(layout.positions().get("carol")).containsExactly(1, -1);
        assertThat(layout.positions().get("Alice")).containsExactly(0.5, 0);
    }

    @Test
    void aTreeWithoutARootStartsAtItsFirstTeacherAndPlacesEachPersonOnce() {
        Charts.TreeLayout layout = Charts.TreeLayout.of(List.of(new Edge("a", "b"), new Edge("b", "a")));

        assertThat(layout.positions()).containsOnlyKeys("a", "b");
        assertThat(layout.positions().get("a")).containsExactly(0, 0);
        assertThat(layout.positions().get("b")).containsExactly(0, -1);
        assertThat(layout.width()).isEqualTo(1);
        assertThat(layout.depth()).isEqualTo(1);
    }

    @Test
    void waitsAndSharesReadAsPeopleSayThem() {
        assertThat(Stats.human(Duration.ofMinutes(59))).isEqualTo("59 min");
        assertThat(Stats.human(Duration.ofMinutes(60))).isEqualTo("1 h");
        assertThat(Stats.human(Duration.ofHours(47).plusMinutes(59))).isEqualTo("47 h");
        assertThat(Stats.human(Duration.ofHours(48))).isEqualTo("2 days");
        assertThat(Stats.percent(1, 3)).isEqualTo("33%");
        assertThat(Stats.percent(2, 3)).isEqualTo("67%");
        assertThat(Stats.count(1, "topic", "topics")).isEqualTo("1 topic");
        assertThat(Stats.count(0, "topic", "topics")).isEqualTo("0 topics");
        assertThat(Stats.percentile(List.of(Duration.ofHours(3), Duration.ofHours(1)), 0.5)).contains(Duration.ofHours(1));
    }

    @Test
    void theWeeklyDigestIsDueMondayAtNineInTheLeadsZoneAcrossDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Monday 23 March 09:00 Berlin exactly: not "after", so the next Monday — 30 March, now on CEST
        assertThat(WeeklyDigest.next(Instant.parse("2026-03-23T08:00:00Z"), berlin))
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(WeeklyDigest.next(Instant.parse("2026-03-23T07:59:00Z"), berlin))
                .isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
        // Sunday 25 October Berlin goes back to CET: Monday 26th's 09:00 is 08:00Z
        assertThat(WeeklyDigest.next(Instant.parse("2026-10-24T12:00:00Z"), berlin))
                .isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
        // Tokyo is already on Monday while UTC is on Sunday
        assertThat(WeeklyDigest.next(Instant.parse("2026-03-29T23:00:00Z"), ZoneId.of("Asia/Tokyo")))
                .isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
        // New York's Monday 9:00 after its change on 1 November is 14:00Z
        assertThat(WeeklyDigest.next(Instant.parse("2026-10-31T12:00:00Z"), ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
    }
}
