package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;

/** Starting (or restarting) a teaching offer, wherever it comes from: /teach, a board Take, a button. */
final class Offers {
    private Offers() {
    }

    /** Offers the topic unless it is offered already; returns whether it is new. */
    static boolean offer(MentorshipFlow flow, PersonId teacher, String topic, int places, Long learnedTicketId) {
        var existing = flow.store.offer(teacher, topic);
        if (existing.isPresent() && existing.get().isActive()) {
            return false;
        }
        existing.ifPresentOrElse(stopped -> flow.store.reactivateOffer(stopped.id(), places, learnedTicketId),
                () -> flow.store.insertOffer(teacher, topic, places, learnedTicketId, flow.now()));
        return true;
    }
}
