package dev.guildhall.insights;

import dev.guildhall.core.PersonId;
import dev.guildhall.insights.History.SessionRow;
import dev.guildhall.insights.History.TicketRow;

import java.util.Optional;
import java.util.Set;

/**
 * Whose numbers: every one (an admin's view) or a guild's. A guild's tickets are those of its members plus those on
 * the topics it cares about (its syllabus, what its members teach); its sessions are those in its channel or given
 * by a member. Teachers count wherever they are: anyone who teaches a topic can take a guild's learner.
 */
record Scope(String title, Optional<Long> guildId, Set<PersonId> members, Set<String> topics,
             Optional<String> channel) {

    static Scope everyone() {
        return new Scope("Guildhall", Optional.empty(), Set.of(), Set.of(), Optional.empty());
    }

    boolean isEveryone() {
        return guildId.isEmpty();
    }

    boolean includes(TicketRow ticket) {
        return isEveryone() || members.contains(ticket.learner()) || topics.contains(ticket.topic());
    }

    boolean includes(SessionRow session) {
        return isEveryone() || members.contains(session.presenter())
                || (channel.isPresent() && session.channel().equals(channel));
    }
}
