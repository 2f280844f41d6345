package dev.guildhall.workinggroup;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a check-in's rounds ask each member, when their digest closes and when the stragglers are reminded, read
 * straight from the rounds and asks the bot plans (a real SQLite file, the clock moved by hand). The owner alice lives
 * in Berlin, bob in Tokyo and carol in New York, so daylight saving moves Berlin's and New York's asks on the bot's
 * clock (Berlin on 29 March and 25 October 2026, New York on 8 March and 1 November) but never their local time.
 */
class CheckinSchedulingTest {
    private static final Instant MONDAY_23_MARCH = Instant.parse("2026-03-23T09:00:00Z");
    private static final Instant MONDAY_19_OCTOBER = Instant.parse("2026-10-19T09:00:00Z");

    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().startingAt(MONDAY_23_MARCH);

    private void groupOfThree(String checkin) {
        t.zone("alice", "Europe/Berlin").zone("bob", "Asia/Tokyo").zone("carol", "America/New_York");
        t.sayIn("alice", "platform", "/guild create platform \"Platform guild\" here");
        t.say("alice", "/wg create vpc --guild platform \"VPC peering for everyone\"");
        for (String name : List.of("bob", "carol")) {
            t.say(name, "/guild join platform");
            t.say(name, "/wg join vpc");
        }
        assertThat(t.say("alice", "/wg checkin vpc \"What did you try?\" " + checkin)).contains("checks in");
    }

    /** Who the round of that date asks, and when on the bot's clock. */
    private Map<String, Instant> asks(String date) {
        return t.database().read(h -> h.createQuery("""
                        SELECT p.display_name AS name, a.due_at FROM wg_checkin_ask a
                        JOIN wg_checkin_round r ON r.id = a.round_id JOIN person p ON p.id = a.person_id
                        WHERE r.occurs_on = :date""")
                .bind("date", LocalDate.parse(date))
                .reduceRows(new TreeMap<String, Instant>(), (all, row) -> {
                    all.put(row.getColumn("name", String.class), row.getColumn("due_at", Instant.class));
                    return all;
                }));
    }

    private long round(String date) {
        return t.database().read(h -> h.createQuery("SELECT id FROM wg_checkin_round WHERE occurs_on = :date")
                .bind("date", LocalDate.parse(date)).mapTo(Long.class).one());
    }

    private Instant digestDue(String date) {
        return t.database().read(h -> h.createQuery("SELECT digest_due_at FROM wg_checkin_round WHERE occurs_on = :date")
                .bind("date", LocalDate.parse(date)).mapTo(Instant.class).one());
    }

    private Optional<Instant> task(String kind, long subject) {
        return t.database().read(h -> h.createQuery("""
                        SELECT due_at FROM scheduled_task WHERE kind = :kind AND subject = :subject""")
                .bind("kind", kind).bind("subject", subject).mapTo(Instant.class).findOne());
    }

    private List<String> rounds() {
        return t.database().read(h -> h.createQuery("SELECT occurs_on FROM wg_checkin_round ORDER BY id")
                .mapTo(String.class).list());
    }

    private List<RecordingChatPort.Sent> digests() {
        return t.chat.posts().stream().filter(s -> s.mentions("Check-in digest")).toList();
    }

    private void advanceTo(Instant at) {
        t.advance(Duration.between(t.clock.instant(), at));
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void aWeeklyRoundAsksEachAtTenLocalAcrossBerlinsSpringChange() {
        // Given a check-in every Friday at 10:00, planned on Monday 23 March
        groupOfThree("every friday 10:00");

        // Then Friday 27 March (Berlin still on CET) asks Berlin at 09:00Z, Tokyo at 01:00Z, New York (EDT) at 14:00Z
        assertThat(asks("2026-03-27")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice", at("2026-03-27T09:00:00Z"), "bob", at("2026-03-27T01:00:00Z"),
                "carol", at("2026-03-27T14:00:00Z")));
        // and the digest closes a day after the last is asked
        assertThat(digestDue("2026-03-27")).isEqualTo(at("2026-03-28T14:00:00Z"));

        // When that digest has gone out (on Saturday 28 March), the next round is planned
        advanceTo(at("2026-03-28T14:00:00Z"));
        assertThat(digests()).hasSize(1);

        // Then Friday 3 April (Berlin now on CEST) asks Berlin an hour earlier on the bot's clock, the others as before
        assertThat(rounds()).containsExactly("2026-03-27", "2026-04-03");
        assertThat(asks("2026-04-03")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice", at("2026-04-03T08:00:00Z"), "bob", at("2026-04-03T01:00:00Z"),
                "carol", at("2026-04-03T14:00:00Z")));
    }

    @Test
    void aWeeklyRoundFollowsBerlinBackInOctoberAndNewYorkAWeekLater() {
        t.clock.advance(Duration.between(t.clock.instant(), MONDAY_19_OCTOBER));
        groupOfThree("every friday 10:00");

        // Friday 23 October: Berlin on CEST, New York on EDT
        assertThat(asks("2026-10-23")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice", at("2026-10-23T08:00:00Z"), "bob", at("2026-10-23T01:00:00Z"),
                "carol", at("2026-10-23T14:00:00Z")));
        advanceTo(digestDue("2026-10-23"));

        // Friday 30 October: Berlin back on CET since the 25th, New York still on EDT
        assertThat(asks("2026-10-30")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice", at("2026-10-30T09:00:00Z"), "bob", at("2026-10-30T01:00:00Z"),
                "carol", at("2026-10-30T14:00:00Z")));
        advanceTo(digestDue("2026-10-30"));

        // Friday 6 November: New York back on EST since the 1st
        assertThat(asks("2026-11-06")).containsEntry("carol", at("2026-11-06T15:00:00Z"))
                .containsEntry("alice", at("2026-11-06T09:00:00Z"));
        assertThat(digests()).hasSize(2);
    }

    @Test
    void aDailyRoundCrossingBerlinsChangeKeepsTenLocalAndClosesAnHourBeforeTheNextAsk() {
        // Given a daily check-in whose owner and only other member live in Berlin
        t.zone("alice", "Europe/Berlin").zone("dave", "Europe/Berlin");
        t.clock.advance(Duration.between(t.clock.instant(), at("2026-03-27T12:00:00Z")));
        t.sayIn("alice", "platform", "/guild create platform \"Platform guild\" here");
        t.say("alice", "/wg create vpc --guild platform \"VPC peering for everyone\"");
        t.say("dave", "/guild join platform");
        t.say("dave", "/wg join vpc");
        t.say("alice", "/wg checkin vpc \"Blockers?\" every day 10:00");

        // Then Saturday 28 March asks at 10:00 CET, and its digest closes an hour before the next day's ask
        assertThat(rounds()).containsExactly("2026-03-28");
        assertThat(asks("2026-03-28")).containsOnly(Map.entry("alice", at("2026-03-28T09:00:00Z")),
                Map.entry("dave", at("2026-03-28T09:00:00Z")));
        // (Sunday 29 March is 23 hours long: 10:00 CEST is 08:00Z)
        assertThat(digestDue("2026-03-28")).isEqualTo(at("2026-03-29T07:00:00Z"));

        // When it closes, Sunday 29 March is asked at 10:00 CEST
        advanceTo(at("2026-03-29T07:00:00Z"));
        assertThat(digests()).hasSize(1);
        assertThat(asks("2026-03-29")).containsOnly(Map.entry("alice", at("2026-03-29T08:00:00Z")),
                Map.entry("dave", at("2026-03-29T08:00:00Z")));
        assertThat(digestDue("2026-03-29")).isEqualTo(at("2026-03-30T07:00:00Z"));
    }

    @Test
    void weekdayAndTwoDayRulesSkipTheDaysTheyDoNotName() {
        // Given it is Friday 27 March, after ten in Berlin
        t.clock.advance(Duration.between(t.clock.instant(), at("2026-03-27T12:00:00Z")));
        groupOfThree("every weekday 9:30");

        // Then the first weekday round is Monday 30 March, not the weekend
        assertThat(rounds()).containsExactly("2026-03-30");
        assertThat(asks("2026-03-30")).containsEntry("alice", at("2026-03-30T07:30:00Z"));

        // When the owner changes it to Mondays and Thursdays, the old rounds stop and the new ones start on Monday
        assertThat(t.say("alice", "/wg checkin vpc \"What did you try?\" every monday and thursday 9:30"))
                .contains("every monday and thursday 09:30");
        assertThat(rounds()).containsExactly("2026-03-30", "2026-03-30");
        advanceTo(at("2026-03-31T14:00:00Z"));

        // Then after Monday's digest the next round is Thursday 2 April, in each member's zone
        assertThat(rounds()).last().isEqualTo("2026-04-02");
        assertThat(asks("2026-04-02")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice", at("2026-04-02T07:30:00Z"), "bob", at("2026-04-02T00:30:00Z"),
                "carol", at("2026-04-02T13:30:00Z")));
    }

    @Test
    void theRemindComesTwoHoursBeforeTheDigestToThoseAskedWhoHaveNotAnswered() {
        groupOfThree("every friday 10:00");
        long round = round("2026-03-27");
        assertThat(task(Checkins.REMIND, round)).contains(at("2026-03-28T12:00:00Z"));

        // Given everyone was asked and bob answered
        advanceTo(at("2026-03-27T14:00:00Z"));
        t.say("bob", "/wg answer vpc Peering works");

        // When the reminder falls due, alice and carol are reminded, bob is not
        advanceTo(at("2026-03-28T12:00:00Z"));
        assertThat(t.chat.directTo(BotExtension.id("alice"))).filteredOn(s -> s.mentions("goes out in 2 hours"))
                .hasSize(1);
        assertThat(t.chat.directTo(BotExtension.id("carol"))).filteredOn(s -> s.mentions("goes out in 2 hours"))
                .hasSize(1);
        assertThat(t.chat.directTo(BotExtension.id("bob"))).noneMatch(s -> s.mentions("goes out in 2 hours"));
        assertThat(digests()).isEmpty();
    }

    @Test
    void skipNextExcusesOnlyTheNextAskAndSkipWeekEveryAskOfTheComingWeek() {
        t.clock.advance(Duration.between(t.clock.instant(), at("2026-03-27T12:00:00Z")));
        groupOfThree("every day 10:00");
        assertThat(asks("2026-03-28")).containsOnlyKeys("alice", "bob", "carol");

        // When bob skips the next one and carol the coming week
        assertThat(t.say("bob", "/wg checkin vpc skip")).contains("skip the check-in of *vpc* on 2026-03-28");
        assertThat(t.say("carol", "/wg checkin vpc skip week")).contains("until 2026-04-03");

        // Then Saturday's round asks only alice
        assertThat(asks("2026-03-28")).containsOnlyKeys("alice");
        // and on each following day bob is asked again but carol, until her week is over
        for (int day = 29; day <= 31; day++) {
            advanceTo(digestDue("2026-03-" + (day - 1)));
            assertThat(asks("2026-03-" + day)).as("round of March %d", day).containsOnlyKeys("alice", "bob");
        }
        for (String date : List.of("2026-04-01", "2026-04-02")) {
            advanceTo(digestDue(LocalDate.parse(date).minusDays(1).toString()));
            assertThat(asks(date)).as("round of %s", date).containsOnlyKeys("alice", "bob");
        }
        // the skip lasts seven days from when she typed it (12:00Z): Friday's 10:00 in New York is after it
        advanceTo(digestDue("2026-04-02"));
        assertThat(asks("2026-04-03")).containsOnlyKeys("alice", "bob", "carol");
    }

    @Test
    void aLateAnswerGoesIntoTheNextDigestNotLost() {
        groupOfThree("every friday 10:00");
        advanceTo(digestDue("2026-03-27"));
        assertThat(digests()).singleElement().satisfies(d -> assertThat(d.message().text())
                .contains("Nobody answered this week."));

        // When carol answers after the digest went out
        assertThat(t.say("carol", "/wg answer vpc Late but done")).contains("goes into the next one (2026-04-03)");

        // Then next week's digest carries it, though she was not asked again before answering
        advanceTo(digestDue("2026-04-03"));
        assertThat(digests()).hasSize(2);
        assertThat(digests().get(1).message().text()).contains("• carol: Late but done");
    }

    @Test
    void aDailyRoundAsksEveryoneAtTenLocalEveryDayThoughTheirZonesSpanThirteenHours() {
        // Given a daily check-in of members in Tokyo, Berlin and New York
        t.clock.advance(Duration.between(t.clock.instant(), at("2026-03-27T12:00:00Z")));
        groupOfThree("every day 10:00");
        assertThat(asks("2026-03-28")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice", at("2026-03-28T09:00:00Z"), "bob", at("2026-03-28T01:00:00Z"),
                "carol", at("2026-03-28T14:00:00Z")));
        // Then its digest closes an hour before the first ask of the next day (Tokyo's), not a day after New York's
        assertThat(digestDue("2026-03-28")).isEqualTo(at("2026-03-29T00:00:00Z"));

        // When it has gone out, each is asked at 10:00 in their own zone again (Berlin now on CEST)
        advanceTo(digestDue("2026-03-28"));
        assertThat(asks("2026-03-29")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice", at("2026-03-29T08:00:00Z"), "bob", at("2026-03-29T01:00:00Z"),
                "carol", at("2026-03-29T14:00:00Z")));
        assertThat(digestDue("2026-03-29")).isEqualTo(at("2026-03-30T00:00:00Z"));
    }
}
