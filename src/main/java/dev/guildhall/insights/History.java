package dev.guildhall.insights;

import dev.guildhall.core.PersonId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rows insights are computed from, read once per request: mentorship, live sessions and guild reach. */
record History(List<TicketRow> tickets, List<MatchRow> matches, List<OfferRow> offers, List<SessionRow> sessions,
               Map<PersonId, String> names) {

    String name(PersonId person) {
        return names.getOrDefault(person, person.localPart());
    }

    record TicketRow(long id, PersonId learner, String topic, String status, Instant createdAt) {
        boolean isWaiting() {
            return status.equals("WAITING");
        }

        boolean isOpen() {
            return Set.of("WAITING", "PROPOSED", "MATCHED").contains(status);
        }
    }

    /** {@code proposal}: the bot asked the teacher (as opposed to a teacher taking the ticket from the board). */
    record MatchRow(long id, long ticketId, PersonId learner, PersonId teacher, String topic, String status,
                    boolean proposal, Optional<Instant> answeredAt) {
        /** The teacher said yes (the pair may since have finished or stopped). */
        boolean accepted() {
            return Set.of("ACCEPTED", "DONE", "CANCELLED").contains(status) && answeredAt.isPresent();
        }

        boolean refused() {
            return status.equals("DECLINED") || status.equals("EXPIRED");
        }
    }

    record OfferRow(PersonId teacher, String topic, boolean active, Optional<Long> learnedTicketId) {
    }

    /** A live session as numbers only: the tables hold no identity behind a flag or a question. */
    record SessionRow(long id, String title, Optional<String> channel, PersonId presenter, Instant startedAt,
                      Optional<Instant> endedAt, List<Instant> flagsRaised, int questions) {
    }
}
