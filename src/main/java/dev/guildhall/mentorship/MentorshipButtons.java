package dev.guildhall.mentorship;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

/**
 * The mentorship buttons. Each carries the id of its match or ticket, so a press works after a restart; each checks
 * who pressed it and whether the thing is still in the state the button was made for.
 */
final class MentorshipButtons {
    private final MentorshipSettings settings;

    MentorshipButtons(MentorshipSettings settings) {
        this.settings = settings;
    }

    void register(Registry registry) {
        registry.action(MentorshipMessages.ACCEPT, this::accept);
        registry.action(MentorshipMessages.DECLINE, this::decline);
        registry.action(MentorshipMessages.TAKE, this::take);
        registry.action(MentorshipMessages.GRADUATE, this::graduate);
    }

    private Reply accept(ActionRequest request) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        Match match = openProposal(flow, request);
        flow.accept(match);
        return Reply.none();
    }

    private Reply decline(ActionRequest request) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        Match match = openProposal(flow, request);
        flow.dropProposal(match, MatchStatus.DECLINED);
        return Reply.none();
    }

    private Match openProposal(MentorshipFlow flow, ActionRequest request) {
        Match match = flow.store.match(request.idArgument()).orElseThrow(() -> new UsageException(
                "That proposal no longer exists."));
        if (!match.teacher().equals(request.presser().id())) {
            throw new UsageException("Only " + flow.people.nameOf(match.teacher()) + " can answer this proposal.");
        }
        String already = switch (match.status()) {
            case PROPOSED -> null;
            case ACCEPTED, DONE, CANCELLED, RELEASED -> "You already accepted this one.";
            case DECLINED -> "You declined this one already; I've moved on.";
            case EXPIRED -> "This proposal expired and I asked someone else. /learn board shows who is still waiting.";
            case WITHDRAWN -> "The learner cancelled this ticket — nothing to do.";
        };
        if (already != null) {
            throw new UsageException(already);
        }
        return match;
    }

    private Reply take(ActionRequest request) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        Ticket ticket = flow.ticketFor(request.idArgument());
        PersonId teacher = request.presser().id();
        if (ticket.learner().equals(teacher)) {
            throw new UsageException("That's your own ticket — someone else has to take it.");
        }
        if (ticket.status() != TicketStatus.WAITING) {
            throw new UsageException("Ticket #" + ticket.id() + " is " + ticket.status().describe()
                    + " already. /learn board shows the ones still waiting.");
        }
        long matchId = flow.store.insertMatch(ticket, teacher, MatchStatus.ACCEPTED, flow.now(), null);
        flow.store.setTicketStatus(ticket.id(), TicketStatus.MATCHED, flow.now());
        flow.outbox.sendDirect(ticket.learner(), flow.messages.takenForLearner(ticket, teacher));
        flow.pairStarted(matchId);
        String learner = flow.people.nameOf(ticket.learner());
        return Reply.of(Message.text("✅ You took ticket #" + ticket.id() + ": you're teaching *" + ticket.topic()
                        + "* to " + learner + ".")
                .withContext("Send " + learner + " a message to find a first time. When you're done, either of you"
                        + " types /learn done " + ticket.id() + "."));
    }

    private Reply graduate(ActionRequest request) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        Ticket ticket = flow.ticketFor(request.idArgument());
        PersonId learner = request.presser().id();
        if (!ticket.learner().equals(learner) || ticket.status() != TicketStatus.DONE) {
            throw new UsageException("This button is for the learner of a finished ticket. /teach "
                    + ticket.topic() + " offers the topic all the same.");
        }
        int places = settings.defaultCapacity();
        flow.store.offer(learner, ticket.topic()).ifPresentOrElse(offer -> {
            if (offer.isActive()) {
                throw new UsageException("You already teach *" + ticket.topic() + "* — thank you!");
            }
            flow.store.reactivateOffer(offer.id(), places, ticket.id());
        }, () -> flow.store.insertOffer(learner, ticket.topic(), places, ticket.id(), flow.now()));
        int proposed = flow.matchWaiting(ticket.topic());
        return Reply.of("🎉 You now teach *" + ticket.topic() + "*, up to " + places + " learners at a time — learned"
                + " here, passed on here." + (proposed > 0 ? " Someone was already waiting: check your DMs." : ""));
    }
}
