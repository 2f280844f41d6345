package dev.guildhall.mentorship.api;

import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** What other capabilities may ask of mentorship: a /learn ticket opened on someone's behalf, and how it stands. */
public interface MentorRequests {

    /** The ticket opened, and whether a teacher was asked at once (the learner hears either way by DM). */
    record Opened(long ticketId, boolean proposed) {
    }

    /**
     * Opens a ticket for {@code learner} on {@code topic} whose goal only the teacher who accepts it reads (proposals,
     * the board and home pages leave it out), asking {@code preferred} teachers first when one of them has room.
     *
     * @throws dev.guildhall.command.UsageException when the learner already has an open ticket on the topic
     */
    Opened openWithPrivateGoal(UnitOfWork work, PersonId learner, String topic, String goal, Set<PersonId> preferred);

    /** How a ticket stands, for its learner: "waiting for a teacher", "a teacher has been asked", "matched"… */
    Optional<String> describe(UnitOfWork work, long ticketId);

    /** When the ticket was done (learner and teacher closed it together); empty while it is not done. */
    Optional<Instant> doneAt(UnitOfWork work, long ticketId);
}
