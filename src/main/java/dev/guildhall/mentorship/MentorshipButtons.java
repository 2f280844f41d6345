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
        registry.action(TeacherPauses.RESUME, request -> TeachCommand.resume(
                new MentorshipFlow(request.work(), settings), request.presser().id()));
        registry.action(Understanding.UNDERSTOOD, request -> Understanding.understood(request, settings));
        registry.action(Understanding.AGAIN, request -> Understanding.again(request, settings));
        registry.action(Understanding.SECOND_TEACHER, request -> Understanding.secondTeacher(request, settings));
        registry.action(Understanding.THANKS, request -> Understanding.thankFromButton(request, settings));
        registry.action(TeacherBoard.LISTING, request -> TeacherBoard.answerListing(request, settings));
        registry.action(TeacherBoard.ASK, request -> TeacherBoard.ask(request, settings));
        registry.action(TeachInvitations.TEACH, request -> TeachInvitations.accept(request, settings));
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
            case EXPIRED -> "This proposal expired, so I looked for someone else. /learn board shows who is still waiting.";
            case WITHDRAWN -> "This proposal was withdrawn (the ticket was cancelled, or you stopped teaching the topic)"
                    + " — nothing to do.";
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
        flow.store.offer(teacher, ticket.topic()).filter(Offer::isActive)
                .filter(offer -> flow.store.load(teacher, ticket.topic()) >= offer.capacity())
                .ifPresent(full -> {
                    throw new UsageException("You teach *" + ticket.topic() + "* to " + full.capacity() + " learner"
                            + (full.capacity() == 1 ? "" : "s") + " already, your limit. /teach " + ticket.topic()
                            + " --capacity " + (full.capacity() + 1) + " makes room for one more.");
                });
        long matchId = flow.store.insertMatch(ticket, teacher, MatchStatus.ACCEPTED, flow.now(), null);
        flow.store.setTicketStatus(ticket.id(), TicketStatus.MATCHED, flow.now());
        flow.outbox.sendDirect(ticket.learner(), flow.messages.takenForLearner(ticket, teacher));
        flow.pairStarted(matchId);
        String learner = flow.people.nameOf(ticket.learner());
        // Whoever takes a ticket knows the topic: they become one of its teachers, so the next learner finds them.
        int places = Math.max(settings.defaultCapacity(), flow.store.load(teacher, ticket.topic()));
        boolean offered = Offers.offer(flow, teacher, ticket.topic(), places, null);
        int proposed = offered ? flow.matchWaiting(ticket.topic()) : 0;
        Message took = flow.withPrivateGoal(Message.text("✅ You took ticket #" + ticket.id() + ": you're teaching *"
                        + ticket.topic() + "* to " + learner + "."), ticket)
                .withContext("Send " + learner + " a message to find a first time. When you're done, either of you"
                        + " types /learn done " + ticket.id() + ".");
        if (!offered) {
            return Reply.of(took);
        }
        return new TeacherBoard(flow).withListingQuestion(teacher, new Reply(java.util.List.of(took,
                Message.text("🧑‍🏫 You now teach *" + ticket.topic() + "* too, up to " + places + " learners at a time,"
                        + " so the next learner can find you." + TeachCommand.waitingNote(proposed))
                        .withContext("Only this once? /teach stop " + ticket.topic() + " — the learner you took stays"
                                + " with you."))));
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
        if (!Offers.offer(flow, learner, ticket.topic(), places, ticket.id())) {
            throw new UsageException("You already teach *" + ticket.topic() + "* — thank you!");
        }
        int proposed = flow.matchWaiting(ticket.topic());
        return new TeacherBoard(flow).withListingQuestion(learner, Reply.of("🎉 You now teach *" + ticket.topic()
                + "*, up to " + places + " learners at a time — learned here, passed on here."
                + (proposed > 0 ? " Someone was already waiting: check your DMs." : "")));
    }
}
