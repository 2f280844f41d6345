package dev.guildhall.mentorship;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.mentorship.FollowThroughStore.Listed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The other half of TAKE ONE: {@code /teach board} lists who teaches what and has room — only teachers who agreed
 * to be listed, asked once at their first offer — so a learner can ask one of them, who answers as usual.
 */
final class TeacherBoard {
    static final String LISTING = "mentorship.listing";
    static final String ASK = "mentorship.ask";
    private static final int SHOWN = 40;

    private final MentorshipFlow flow;
    private final FollowThroughStore store;

    TeacherBoard(MentorshipFlow flow) {
        this.flow = flow;
        this.store = new FollowThroughStore(flow.work.handle());
    }

    /** The reply to someone's first offer, with the one question about being listed. */
    Reply withListingQuestion(PersonId teacher, Reply reply) {
        if (store.listing(teacher).isPresent()) {
            return reply;
        }
        store.askedToList(teacher, flow.now());
        List<Message> messages = new ArrayList<>(reply.messages());
        messages.add(Message.text("📇 May I list you on /teach board, so learners can ask you directly? You're not"
                        + " listed until you say yes.")
                .withButton(Button.primary(LISTING + ":yes", "Yes, list me"))
                .withButton(Button.of(LISTING + ":no", "No thanks")));
        return new Reply(messages);
    }

    Reply board(Optional<String> topic) {
        List<Listed> listed = store.listedWithRoom(topic, SHOWN);
        if (listed.isEmpty()) {
            return Reply.of(topic.map(t -> "Nobody listed teaches *" + t + "* with room right now. /learn " + t
                            + " finds you a teacher all the same.")
                    .orElse("No listed teacher has room right now. /learn <topic> finds you a teacher all the same."));
        }
        Map<String, Message> byTopic = new LinkedHashMap<>();
        for (Listed teacher : listed) {
            String name = flow.people.nameOf(teacher.teacher());
            Message message = byTopic.getOrDefault(teacher.topic(), Message.text("*" + teacher.topic() + "*"))
                    .withField(name, teacher.room() + (teacher.room() == 1 ? " place" : " places") + " free")
                    .withButton(Button.of(ASK + ":" + teacher.offerId(), "Ask " + name));
            byTopic.put(teacher.topic(), message);
        }
        List<Message> messages = new ArrayList<>();
        messages.add(Message.text("🧑‍🏫 *Teaching board* — who teaches what and has room. Ask one of them to teach you:"
                + " they get the usual Accept / Decline."));
        messages.addAll(byTopic.values());
        return new Reply(messages);
    }

    static Reply answerListing(ActionRequest request, MentorshipSettings settings) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        boolean yes = switch (request.argument()) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new UsageException("That button is not one I recognise any more. Try the command again.");
        };
        new FollowThroughStore(request.work().handle()).answerListing(request.presser().id(), yes, flow.now());
        return Reply.of(yes ? "📇 You're listed on /teach board while you have room. /teach listing off takes you off."
                : "Fine — you're not listed. /teach listing on puts you on /teach board whenever you like.");
    }

    static Reply ask(ActionRequest request, MentorshipSettings settings) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        FollowThroughStore store = new FollowThroughStore(request.work().handle());
        PersonId learner = request.presser().id();
        Offer offer = store.offer(request.idArgument()).filter(Offer::isActive).orElseThrow(() ->
                new UsageException("That teacher no longer offers this topic. /teach board shows who does."));
        String teacher = flow.people.nameOf(offer.teacher());
        if (offer.teacher().equals(learner)) {
            throw new UsageException("That's you — someone else has to teach you.");
        }
        Optional<Ticket> open = flow.store.openTicket(learner, offer.topic());
        if (open.isPresent() && open.get().status() != TicketStatus.WAITING) {
            throw new UsageException("Your *" + offer.topic() + "* ticket #" + open.get().id() + " is open already ("
                    + open.get().status().describe() + "). /learn list shows it.");
        }
        List<Candidate> them = flow.store.candidates(offer.topic(), learner).stream()
                .filter(c -> c.offerId() == offer.id() && c.room() > 0 && !c.pairedBefore()).toList();
        if (them.isEmpty()) {
            throw new UsageException(teacher + " can't be asked about *" + offer.topic() + "* right now (no room,"
                    + " paused, or they already answered you about it). /teach board shows who has room.");
        }
        Ticket ticket = open.orElseGet(() -> flow.ticket(flow.store.insertTicket(learner, offer.topic(), "", flow.now())));
        flow.proposeAmong(ticket, "You asked " + teacher + " directly. ", false, them);
        return Reply.of("📨 Asked " + teacher + " to teach you *" + offer.topic() + "* (ticket #" + ticket.id()
                + "). You'll hear from me when they answer.");
    }
}
