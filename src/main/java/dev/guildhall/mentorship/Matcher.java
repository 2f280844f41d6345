package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * Picks the teacher to propose for a ticket. Rules, in order: never the learner themself, only teachers with room,
 * never a pair that already ran on this topic; then the best working-hours overlap (in whole hours, when both time
 * zones are known), then the least-loaded teacher, then whoever was proposed longest ago (so equal teachers take
 * turns), then the longest-standing offer.
 */
public final class Matcher {
    private Matcher() {
    }

    /** A pair may be proposed again after proposals that expired or were withdrawn; never after a yes or a no. */
    static final Set<MatchStatus> REPEATABLE = EnumSet.of(MatchStatus.EXPIRED, MatchStatus.WITHDRAWN);

    static boolean mayProposeAgain(Set<MatchStatus> pairHistory) {
        return REPEATABLE.containsAll(pairHistory);
    }

    /** The chosen teacher, the overlap that counted (if both zones were known), and how many were eligible. */
    public record Choice(Candidate candidate, Optional<Duration> overlap, int eligible) {
    }

    public static Optional<Choice> choose(PersonId learner, Optional<ZoneId> learnerZone, LocalDate day,
                                          List<Candidate> candidates) {
        List<Candidate> eligible = candidates.stream()
                .filter(c -> !c.teacher().equals(learner))
                .filter(c -> c.room() > 0)
                .filter(c -> !c.pairedBefore())
                .toList();
        Comparator<Candidate> ranking = Comparator
                .comparingInt((Candidate c) -> overlapScore(learnerZone, c.zone(), day)).reversed()
                .thenComparingInt(Candidate::load)
                .thenComparing(Candidate::lastProposedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(Candidate::offeredAt)
                .thenComparingLong(Candidate::offerId);
        return eligible.stream().min(ranking).map(best -> new Choice(best,
                overlap(learnerZone, best.zone(), day), eligible.size()));
    }

    static Optional<Duration> overlap(Optional<ZoneId> a, Optional<ZoneId> b, LocalDate day) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(WorkingHours.overlap(a.get(), b.get(), day));
    }

    /**
     * Whole hours of overlap, doubled; an unknown zone scores 1: below any known overlap of an hour or more (prefer
     * what we know fits), above a known zero (prefer the unknown to the certainly impossible).
     */
    private static int overlapScore(Optional<ZoneId> learnerZone, Optional<ZoneId> teacherZone, LocalDate day) {
        return overlap(learnerZone, teacherZone, day).map(d -> (int) d.toHours() * 2).orElse(1);
    }
}
