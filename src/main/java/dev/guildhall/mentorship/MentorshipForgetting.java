package dev.guildhall.mentorship;

import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.Registry;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Mentorship's personal data, and what forgetting a person settles first: their open requests and offers end, the
 * teachers they were waiting on hear it, and learners waiting on their answer are proposed to the next teacher with
 * room at once, as a new ticket would be. Messages written here never name the person being forgotten.
 */
final class MentorshipForgetting {
    private final MentorshipSettings settings;

    MentorshipForgetting(MentorshipSettings settings) {
        this.settings = settings;
    }

    void register(Registry registry) {
        // Past tickets, offers and matches keep counting (board history, insights) under the tombstone.
        registry.personalData(PersonalData.table("ticket")
                .person("learner_id", OnForget.TOMBSTONE)
                .writtenBy("goal", "learner_id", null)
                .sharedText("topic")
                .notPersonal("id", "status", "created_at", "closed_at").build());
        registry.personalData(PersonalData.table("teaching_offer")
                .person("teacher_id", OnForget.TOMBSTONE)
                .sharedText("topic")
                .notPersonal("id", "capacity", "paused_at", "stopped_at", "last_proposed_at", "learned_ticket_id",
                        "created_at", "resume_at").build());
        registry.personalData(PersonalData.table("mentorship_match")
                .person("learner_id", OnForget.TOMBSTONE)
                .person("teacher_id", OnForget.TOMBSTONE)
                .sharedText("topic")
                .writtenBy("thanks", "learner_id", null)
                .notPersonal("id", "ticket_id", "status", "proposed_at", "answer_due_at", "answered_at", "ended_at",
                        "proposal_message_id").build());
        registry.personalData(PersonalData.table("teacher_listing")
                .person("teacher_id", OnForget.DELETE_ROW)
                .notPersonal("listed", "asked_at", "answered_at").build());
        registry.personalData(PersonalData.table("teach_invitation")
                .person("person_id", OnForget.DELETE_ROW)
                .sharedText("topic", "reason")
                .notPersonal("id", "asked_at", "answered_at").build());
        registry.whenForgetting(this::forgetting);
    }

    private void forgetting(PersonId person, UnitOfWork work) {
        MentorshipFlow flow = new MentorshipFlow(work, settings);
        flow.store.activeOffersOf(person).forEach(offer -> flow.store.stopOffer(offer.id(), work.now()));
        Map<Ticket, String> backInTheQueue = new LinkedHashMap<>();
        Set<String> topicsWithRoom = new LinkedHashSet<>();
        for (Match match : flow.store.activeMatchesOf(person)) {
            Ticket ticket = flow.ticket(match.ticketId());
            boolean proposed = match.status() == MatchStatus.PROPOSED;
            flow.store.end(match.id(), MatchStatus.CANCELLED, work.now());
            flow.cancelDeadline(match.id());
            if (match.teacher().equals(person)) {
                flow.store.setTicketStatus(ticket.id(), TicketStatus.WAITING, work.now());
                backInTheQueue.put(ticket, (proposed ? "The teacher I had asked about *" : "Your teacher for *")
                        + ticket.topic() + "* is no longer available, so your request (ticket #" + ticket.id()
                        + ") is back in the queue. ");
            } else {
                if (proposed && match.proposalMessageId() != null) {
                    flow.outbox.update(match.proposalMessageId(), Message.text("The learner who asked for *"
                            + ticket.topic() + "* (ticket #" + ticket.id() + ") has left Guildhall — nothing to do"
                            + " here."));
                } else if (!proposed) {
                    flow.outbox.sendDirect(match.teacher(), Message.text("The learner you were teaching *"
                            + ticket.topic() + "* (ticket #" + ticket.id() + ") has left Guildhall. Thanks for your"
                            + " time — your place is free for the next learner."));
                }
                topicsWithRoom.add(ticket.topic());
            }
        }
        for (Ticket ticket : flow.store.openTicketsOf(person)) {
            flow.store.setTicketStatus(ticket.id(), TicketStatus.CANCELLED, work.now());
        }
        backInTheQueue.forEach((ticket, lead) -> flow.propose(flow.ticket(ticket.id()), lead, true));
        topicsWithRoom.forEach(flow::matchWaiting);
    }
}
