package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;

import java.time.Instant;

/** Someone wants to learn a topic ({@code goal} says what they want out of it, may be empty). */
public record Ticket(long id, PersonId learner, String topic, String goal, TicketStatus status, Instant createdAt) {
}
