package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each matching rule has a test here that fails without it. */
class MatcherTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final PersonId LEARNER = PersonId.of("console", "bob");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private long nextId = 1;

    private Candidate teacher(String name, int capacity, int load) {
        return new Candidate(nextId++, PersonId.of("console", name), capacity, load, false, Optional.empty(), null,
                T0.plusSeconds(nextId));
    }

    private static Candidate inZone(Candidate c, String zone) {
        return new Candidate(c.offerId(), c.teacher(), c.capacity(), c.load(), c.pairedBefore(),
                Optional.of(ZoneId.of(zone)), c.lastProposedAt(), c.offeredAt());
    }

    private static Optional<String> chosen(Optional<ZoneId> learnerZone, List<Candidate> candidates) {
        return Matcher.choose(LEARNER, learnerZone, DAY, candidates).map(c -> c.candidate().teacher().localPart());
    }

    @Test
    void neverTheLearnerThemself() {
        assertThat(chosen(Optional.empty(), List.of(teacher("bob", 2, 0)))).isEmpty();
    }

    @Test
    void onlyTeachersWithRoom() {
        assertThat(chosen(Optional.empty(), List.of(teacher("alice", 2, 2), teacher("dave", 2, 1)))).contains("dave");
    }

    @Test
    void neverAPairThatAlreadyRan() {
        Candidate alice = teacher("alice", 2, 0);
        Candidate paired = new Candidate(alice.offerId(), alice.teacher(), 2, 0, true, Optional.empty(), null,
                alice.offeredAt());
        assertThat(chosen(Optional.empty(), List.of(paired))).isEmpty();
    }

    @Test
    void theBestWorkingHoursOverlapWinsWhenZonesAreKnown() {
        Candidate tokyo = inZone(teacher("alice", 2, 0), "Asia/Tokyo");
        Candidate paris = inZone(teacher("dave", 2, 1), "Europe/Paris");
        Optional<Matcher.Choice> choice = Matcher.choose(LEARNER, Optional.of(ZoneId.of("Europe/Berlin")), DAY,
                List.of(tokyo, paris));
        assertThat(choice.map(c -> c.candidate().teacher().localPart())).contains("dave");
        assertThat(choice.flatMap(Matcher.Choice::overlap)).contains(Duration.ofHours(8));
    }

    @Test
    void anUnknownZoneRanksBelowAKnownOverlapButAboveNone() {
        Candidate unknown = teacher("alice", 2, 0);
        Candidate samoa = inZone(teacher("dave", 2, 0), "Pacific/Kiritimati");
        Candidate london = inZone(teacher("erin", 2, 1), "Europe/London");
        Optional<ZoneId> berlin = Optional.of(ZoneId.of("Europe/Berlin"));
        assertThat(chosen(berlin, List.of(unknown, samoa, london))).contains("erin");
        assertThat(chosen(berlin, List.of(unknown, samoa))).contains("alice");
    }

    @Test
    void theLeastLoadedTeacherFirst() {
        assertThat(chosen(Optional.empty(), List.of(teacher("alice", 5, 3), teacher("dave", 5, 1)))).contains("dave");
    }

    @Test
    void tiesGoToWhoeverWasProposedLongestAgoSoEqualTeachersTakeTurns() {
        Candidate alice = teacher("alice", 2, 0);
        Candidate dave = teacher("dave", 2, 0);
        Candidate aliceRecent = new Candidate(alice.offerId(), alice.teacher(), 2, 0, false, Optional.empty(),
                T0.plus(Duration.ofDays(3)), alice.offeredAt());
        Candidate daveEarlier = new Candidate(dave.offerId(), dave.teacher(), 2, 0, false, Optional.empty(),
                T0.plus(Duration.ofDays(1)), dave.offeredAt());
        assertThat(chosen(Optional.empty(), List.of(aliceRecent, daveEarlier))).contains("dave");
        assertThat(chosen(Optional.empty(), List.of(aliceRecent, dave))).as("never proposed goes first").contains("dave");
        assertThat(chosen(Optional.empty(), List.of(dave, alice))).as("then the older offer").contains("alice");
    }

    @Test
    void workingHoursOverlapAcrossTheDateLine() {
        assertThat(WorkingHours.overlap(ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/Berlin"), DAY))
                .isEqualTo(Duration.ofHours(8));
        assertThat(WorkingHours.overlap(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), DAY))
                .isEqualTo(Duration.ofHours(2));
        assertThat(WorkingHours.overlap(ZoneId.of("Asia/Tokyo"), ZoneId.of("America/Los_Angeles"), DAY))
                .as("Tokyo's morning is the evening before in Los Angeles").isEqualTo(Duration.ofHours(1));
        assertThat(WorkingHours.overlap(ZoneId.of("Asia/Tokyo"), ZoneId.of("Europe/London"), DAY)).isZero();
        assertThat(WorkingHours.overlap(ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata"), DAY))
                .isEqualTo(Duration.ofMinutes(150));
    }
}
