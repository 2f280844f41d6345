package dev.guildhall.mentorship;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.PersonId;
import dev.guildhall.mentorship.api.MentorRequests;
import dev.guildhall.store.UnitOfWork;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Mentorship's tickets behind the published {@link MentorRequests}. */
final class StoredMentorRequests implements MentorRequests {
    private final MentorshipSettings settings;

    StoredMentorRequests(MentorshipSettings settings) {
        this.settings = settings;
    }

    @Override
    public Opened openWithPrivateGoal(UnitOfWork work, PersonId learner, String topic, String goal,
                                      Set<PersonId> preferred) {
        MentorshipFlow flow = new MentorshipFlow(work, settings);
        flow.store.openTicket(learner, topic).ifPresent(existing -> {
            throw new UsageException("You already have ticket #" + existing.id() + " for " + topic + " ("
                    + existing.status().describe() + "). /learn list shows it; the teacher there can help with this too.");
        });
        long id = flow.store.insertTicket(learner, topic, goal, flow.now());
        flow.store.markGoalPrivate(id);
        Ticket ticket = flow.ticket(id);
        boolean proposed = flow.propose(ticket, "", true, preferred);
        return new Opened(id, proposed);
    }

    @Override
    public Optional<String> describe(UnitOfWork work, long ticketId) {
        return new MentorshipStore(work.handle()).ticket(ticketId).map(t -> t.status().describe());
    }

    @Override
    public Optional<Instant> doneAt(UnitOfWork work, long ticketId) {
        return new MentorshipStore(work.handle()).doneAt(ticketId);
    }
}
