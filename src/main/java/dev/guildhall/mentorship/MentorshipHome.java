package dev.guildhall.mentorship;

import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.people.People;
import dev.guildhall.store.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person's mentorship at a glance, for their home page: proposals waiting for their answer (with the same
 * Accept / Decline buttons as the DM), their tickets, their matches, what they teach and who waits for it.
 */
final class MentorshipHome {
    private static final int WAITING_SHOWN_PER_TOPIC = 3;

    private final MentorshipSettings settings;

    MentorshipHome(MentorshipSettings settings) {
        this.settings = settings;
    }

    List<Message> render(PersonId viewer, UnitOfWork work) {
        MentorshipStore store = new MentorshipStore(work.handle());
        People people = new People(work.handle());
        MentorshipMessages messages = new MentorshipMessages(people);
        List<Message> page = new ArrayList<>();
        page.add(Message.text("🧑‍🏫 *Mentorship*"));
        List<Match> matches = store.activeMatchesOf(viewer);
        for (Match match : matches) {
            if (match.status() == MatchStatus.PROPOSED && match.teacher().equals(viewer)) {
                Message proposal = Message.text("📚 Can you teach *" + match.topic() + "* to "
                                + people.nameOf(match.learner()) + "?")
                        .withButton(Button.primary(MentorshipMessages.ACCEPT + ":" + match.id(), "Accept"))
                        .withButton(Button.danger(MentorshipMessages.DECLINE + ":" + match.id(), "Decline"));
                page.add(match.answerDueAt() == null ? proposal
                        : proposal.withContext("Please answer by " + messages.at(match.answerDueAt(), viewer) + "."));
            }
        }
        for (Match match : matches) {
            if (match.status() == MatchStatus.ACCEPTED) {
                page.add(Message.text(match.teacher().equals(viewer)
                                ? "🤝 You teach *" + match.topic() + "* to " + people.nameOf(match.learner()) + "."
                                : "🤝 " + people.nameOf(match.teacher()) + " teaches you *" + match.topic() + "*.")
                        .withContext("When you're done: /learn done " + match.ticketId()));
            }
        }
        List<Ticket> tickets = store.openTicketsOf(viewer);
        if (!tickets.isEmpty()) {
            Message mine = Message.text("🎫 *Your tickets*");
            for (Ticket ticket : tickets) {
                mine = mine.withField("#" + ticket.id() + " " + ticket.topic(), ticket.status().describe())
                        .withButton(MentorshipHomeButtons.cancel(ticket));
            }
            page.add(mine.withContext("/learn cancel <ticket> withdraws one; /learn done <ticket> closes it."));
        }
        List<Offer> offers = store.activeOffersOf(viewer);
        if (!offers.isEmpty()) {
            Message teaching = Message.text(offers.get(0).isPaused()
                    ? "🧑‍🏫 *What you teach* (paused: /teach resume)" : "🧑‍🏫 *What you teach*");
            for (Offer offer : offers) {
                teaching = teaching.withField(offer.topic(), store.load(viewer, offer.topic()) + " of "
                        + offer.capacity() + " places taken");
            }
            page.add(teaching.withButton(MentorshipHomeButtons.pauseOrResume(offers.get(0).isPaused())));
            for (Offer offer : offers) {
                waitingFor(offer.topic(), viewer, store, people).ifPresent(page::add);
            }
        }
        if (page.size() == 1) {
            page.add(Message.text("Nothing here yet. /learn <topic> finds you a teacher; /teach <topic> offers"
                    + " what you know (up to " + settings.defaultCapacity() + " learners at a time)."));
        }
        return page;
    }

    private static Optional<Message> waitingFor(String topic, PersonId teacher, MentorshipStore store,
                                                People people) {
        List<Ticket> waiting = store.waitingTickets(topic, WAITING_SHOWN_PER_TOPIC + 1).stream()
                .map(store::shownToOthers)
                .filter(ticket -> !ticket.learner().equals(teacher))
                .limit(WAITING_SHOWN_PER_TOPIC)
                .toList();
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        Message message = Message.text("⏳ Waiting to learn *" + topic + "*");
        for (Ticket ticket : waiting) {
            message = message.withField("#" + ticket.id() + " " + people.nameOf(ticket.learner()),
                            ticket.goal() == null ? "—" : ticket.goal())
                    .withButton(Button.of(MentorshipMessages.TAKE + ":" + ticket.id(), "Take #" + ticket.id()));
        }
        return Optional.of(message);
    }
}
