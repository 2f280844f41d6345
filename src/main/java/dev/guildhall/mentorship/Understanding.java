package dev.guildhall.mentorship;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.util.List;

/**
 * "Do you understand it yet? If not, we're going to go through it again." A pair ends only when the learner says
 * they understand; *Not yet* keeps the pair going, or finds a second teacher. At the end the learner may leave the
 * teacher one line of thanks, which only the teacher sees.
 */
final class Understanding {
    static final String UNDERSTOOD = "mentorship.understood";
    static final String AGAIN = "mentorship.again";
    static final String SECOND_TEACHER = "mentorship.second-teacher";
    static final String THANKS = "mentorship.thanks";
    static final int MAX_THANKS_LENGTH = 300;

    private final MentorshipFlow flow;

    Understanding(MentorshipFlow flow) {
        this.flow = flow;
    }

    Message question(Ticket ticket, PersonId teacher) {
        String name = flow.people.nameOf(teacher);
        return Message.text("🤔 Before I close ticket #" + ticket.id() + ": do you understand *" + ticket.topic()
                        + "* now — well enough to explain it back or do the next step alone?")
                .withButton(Button.primary(UNDERSTOOD + ":" + ticket.id(), "Yes, I understand it"))
                .withButton(Button.of(AGAIN + ":" + ticket.id(), "Not yet — go through it again with " + name))
                .withButton(Button.of(SECOND_TEACHER + ":" + ticket.id(), "Not yet — find me a second teacher"));
    }

    /** {@code /learn done}: the learner is asked; a teacher's done asks the learner too. */
    Reply done(Ticket ticket, Match match, PersonId caller) {
        new PairFollowUp(flow).finishing(match);
        if (caller.equals(ticket.learner())) {
            return Reply.of(question(ticket, match.teacher()));
        }
        flow.outbox.sendDirect(ticket.learner(), question(ticket, match.teacher()).withContext(
                flow.people.nameOf(match.teacher()) + " thinks you're done."));
        return Reply.of("I've asked " + flow.people.nameOf(ticket.learner()) + " whether they understand *"
                + ticket.topic() + "* now; ticket #" + ticket.id() + " closes when they say yes.");
    }

    static Reply understood(ActionRequest request, MentorshipSettings settings) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        Match match = runningMatch(flow, request);
        Ticket ticket = flow.ticket(match.ticketId());
        flow.store.end(match.id(), MatchStatus.DONE, flow.now());
        new PairFollowUp(flow).endFollowUps(match.id());
        flow.store.setTicketStatus(ticket.id(), TicketStatus.DONE, flow.now());
        boolean alreadyTeaches = flow.store.offer(ticket.learner(), ticket.topic()).filter(Offer::isActive).isPresent();
        flow.outbox.sendDirect(match.teacher(), flow.messages.finishedForTeacher(ticket));
        flow.matchWaiting(ticket.topic());
        String teacher = flow.people.nameOf(match.teacher());
        return new Reply(List.of(flow.messages.finishedForLearner(ticket, match.teacher(), alreadyTeaches),
                Message.text("💌 Leave " + teacher + " one line of thanks? Only " + teacher + " sees it.")
                        .withContext("/learn thanks " + ticket.id() + " <your line>")
                        .withButton(Button.sendingText(THANKS + ":" + ticket.id(), "Send thanks",
                                "What helped you most?"))));
    }

    static Reply again(ActionRequest request, MentorshipSettings settings) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        Match match = runningMatch(flow, request);
        String learner = flow.people.nameOf(match.learner());
        flow.outbox.sendDirect(match.teacher(), Message.text("🔁 " + learner + " doesn't understand *" + match.topic()
                        + "* yet and would like to go through it again with you.")
                .withContext("Try another angle: ask them to explain back what they have so far, and start from"
                        + " there. Ticket #" + match.ticketId() + " stays open."));
        return Reply.of("🔁 Good — not understood yet means not done. " + flow.people.nameOf(match.teacher())
                + " knows you'd like to go through *" + match.topic() + "* again; ticket #" + match.ticketId()
                + " stays open.");
    }

    static Reply secondTeacher(ActionRequest request, MentorshipSettings settings) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        Match match = runningMatch(flow, request);
        Ticket ticket = flow.ticket(match.ticketId());
        String teacher = flow.people.nameOf(match.teacher());
        // The first teacher did their part: their place frees up and they are not proposed for this again.
        flow.store.end(match.id(), MatchStatus.DONE, flow.now());
        new PairFollowUp(flow).endFollowUps(match.id());
        flow.store.setTicketStatus(ticket.id(), TicketStatus.WAITING, flow.now());
        flow.outbox.sendDirect(match.teacher(), Message.text("🙏 " + flow.people.nameOf(ticket.learner())
                + " will go through *" + ticket.topic() + "* again with a second teacher. Thank you for your part —"
                + " your place is free for the next learner."));
        flow.propose(ticket, "A second pair of eyes on *" + ticket.topic() + "*, then — " + teacher
                + " knows, with thanks. ", true);
        flow.matchWaiting(ticket.topic());
        return Reply.none();
    }

    /**
     * A line one of a pair writes to the other (thanks, a check-in note): at most {@link #MAX_THANKS_LENGTH}
     * characters, plain text without control characters, which could garble or spoof the message it is shown in.
     * {@code whatIs} starts the refusal: "Thanks are", "A check-in note is".
     */
    static void requireOneLine(String whatIs, String line) {
        if (line.length() > MAX_THANKS_LENGTH || line.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException(whatIs + " one line of up to " + MAX_THANKS_LENGTH + " characters (that was "
                    + line.length() + "), as plain text.");
        }
    }

    /** The learner's one line of thanks, from the button's text box or {@code /learn thanks <ticket> <line>}. */
    static Reply thank(MentorshipFlow flow, PersonId learner, long ticketId, String line) {
        Ticket ticket = flow.ticketFor(ticketId);
        if (!ticket.learner().equals(learner)) {
            throw new UsageException("Ticket #" + ticketId + " isn't yours. /learn list shows your tickets.");
        }
        FollowThroughStore store = new FollowThroughStore(flow.work.handle());
        Match match = store.finishedMatch(ticketId).orElseThrow(() -> new UsageException("Ticket #" + ticketId
                + " isn't finished yet: thanks come at the end, after /learn done " + ticketId + "."));
        String thanks = line.strip();
        if (thanks.isEmpty()) {
            throw new UsageException("Type your line after the ticket number: /learn thanks " + ticketId
                    + " the diagrams made it click.");
        }
        requireOneLine("Thanks are", thanks);
        if (store.thanksOf(match.id()).isPresent()) {
            throw new UsageException("You already thanked " + flow.people.nameOf(match.teacher()) + " for ticket #"
                    + ticketId + " — one line each.");
        }
        store.thank(match.id(), thanks);
        flow.outbox.sendDirect(match.teacher(), Message.text("💌 " + flow.people.nameOf(learner)
                        + " left you a line of thanks for teaching *" + ticket.topic() + "*:")
                .withField("They wrote", thanks)
                .withContext("Only you see this. /teach list shows everyone you've taught."));
        return Reply.of("💌 Sent to " + flow.people.nameOf(match.teacher()) + " — only they see it.");
    }

    static Reply thankFromButton(ActionRequest request, MentorshipSettings settings) {
        return thank(new MentorshipFlow(request.work(), settings), request.presser().id(), request.idArgument(),
                request.input());
    }

    private static Match runningMatch(MentorshipFlow flow, ActionRequest request) {
        Ticket ticket = flow.ticketFor(request.idArgument());
        if (!ticket.learner().equals(request.presser().id())) {
            throw new UsageException("Only " + flow.people.nameOf(ticket.learner()) + " can answer this.");
        }
        return flow.store.activeMatch(ticket.id()).filter(m -> m.status() == MatchStatus.ACCEPTED)
                .orElseThrow(() -> new UsageException("Ticket #" + ticket.id() + " is " + ticket.status().describe()
                        + " — nothing to answer here any more."));
    }
}
