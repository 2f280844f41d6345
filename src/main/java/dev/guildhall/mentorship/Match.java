package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;

import java.time.Instant;

/** A teacher proposed for, or teaching, one ticket. */
public record Match(long id, long ticketId, PersonId learner, PersonId teacher, String topic, MatchStatus status,
                   Instant answerDueAt, Long proposalMessageId) {
}
