package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A teacher who offers a ticket's topic, with what the matcher weighs: room left, whether they already ran a pair
 * with this learner on this topic, their time zone, and when they were last proposed (for fair tie-breaks).
 */
public record Candidate(long offerId, PersonId teacher, int capacity, int load, boolean pairedBefore,
                        Optional<ZoneId> zone, Instant lastProposedAt, Instant offeredAt) {
    public int room() {
        return capacity - load;
    }
}
