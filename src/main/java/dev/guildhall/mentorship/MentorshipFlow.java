package dev.guildhall.mentorship;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.people.People;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a ticket, inside one transaction: propose the best teacher, move on when they decline or let the
 * deadline pass, and keep the learner told at every step. Handlers call it; it never talks to a platform.
 */
final class MentorshipFlow {
    static final String DEADLINE_TASK = "mentorship.answer-deadline";
    private static final int WAITING_PASS = 500;

    final MentorshipStore store;
    final PairStore pairs;
    final People people;
    final Outbox outbox;
    final MentorshipMessages messages;
    final UnitOfWork work;
    final DueTasks tasks;
    private final MentorshipSettings settings;
    private final Instant now;

    MentorshipFlow(UnitOfWork work, MentorshipSettings settings) {
        this.work = work;
        this.store = new MentorshipStore(work.handle());
        this.pairs = new PairStore(work.handle());
        this.people = new People(work.handle());
        this.outbox = new Outbox(work);
        this.tasks = new DueTasks(work);
        this.messages = new MentorshipMessages(people);
        this.settings = settings;
        this.now = work.now();
    }

    Instant now() {
        return now;
    }

    MentorshipSettings settings() {
        return settings;
    }

    /**
     * Proposes the best teacher for a waiting ticket. The learner always hears what happened: {@code lead} (may be
     * empty) opens their message, e.g. why the last teacher dropped out.
     */
    boolean propose(Ticket ticket, String lead, boolean tellLearnerWhenNone) {
        return propose(ticket, lead, tellLearnerWhenNone, Set.of());
    }

    /** Like {@link #propose(Ticket, String, boolean)}, asking {@code preferred} teachers first when one has room. */
    boolean propose(Ticket ticket, String lead, boolean tellLearnerWhenNone, Set<PersonId> preferred) {
        List<Candidate> candidates = store.candidates(ticket.topic(), ticket.learner());
        List<Candidate> preferredOnes = candidates.stream().filter(c -> preferred.contains(c.teacher())).toList();
        boolean aPreferredOneFits = Matcher.choose(ticket.learner(), people.zoneOf(ticket.learner()),
                now.atZone(ZoneOffset.UTC).toLocalDate(), preferredOnes).isPresent();
        return proposeAmong(ticket, lead, tellLearnerWhenNone, aPreferredOneFits ? preferredOnes : candidates);
    }

    /** Proposes the best of these candidates, under the same rules as always (room, no pair twice). */
    boolean proposeAmong(Ticket ticket, String lead, boolean tellLearnerWhenNone, List<Candidate> candidates) {
        Optional<Matcher.Choice> choice = Matcher.choose(ticket.learner(), people.zoneOf(ticket.learner()),
                now.atZone(ZoneOffset.UTC).toLocalDate(), candidates);
        if (choice.isEmpty()) {
            store.setTicketStatus(ticket.id(), TicketStatus.WAITING, now);
            if (tellLearnerWhenNone) {
                outbox.sendDirect(ticket.learner(), Message.text(lead + noTeacherYet(ticket)));
            }
            return false;
        }
        Candidate chosen = choice.get().candidate();
        Instant due = now.plus(settings.answerDeadline());
        long matchId = store.insertMatch(ticket, chosen.teacher(), MatchStatus.PROPOSED, now, due);
        store.markProposed(chosen.offerId(), now);
        store.setTicketStatus(ticket.id(), TicketStatus.PROPOSED, now);
        long proposal = outbox.sendDirect(chosen.teacher(), messages.proposalToTeacher(store.shownToOthers(ticket), matchId,
                choice.get(), due));
        store.setProposalMessage(matchId, proposal);
        outbox.sendDirect(ticket.learner(), messages.proposalToLearner(ticket, lead, choice.get()));
        tasks.schedule(DEADLINE_TASK, matchId, due);
        return true;
    }

    /** After a teacher gains room or a topic gains a teacher: waiting learners get proposals, oldest first. */
    int matchWaiting(String topic) {
        int proposed = 0;
        for (Ticket ticket : store.waitingTickets(topic, WAITING_PASS)) {
            if (!store.anyTeacherHasRoom(topic)) {
                break;
            }
            if (propose(ticket, "", false)) {
                proposed++;
            }
        }
        return proposed;
    }

    /** The teacher said yes. */
    void accept(Match match) {
        store.answer(match.id(), MatchStatus.ACCEPTED, now);
        store.setTicketStatus(match.ticketId(), TicketStatus.MATCHED, now);
        tasks.cancel(DEADLINE_TASK, match.id());
        Ticket ticket = ticket(match.ticketId());
        if (match.proposalMessageId() != null) {
            outbox.update(match.proposalMessageId(), withPrivateGoal(messages.acceptedForTeacher(ticket), ticket));
        }
        outbox.sendDirect(match.learner(), messages.acceptedForLearner(ticket, match.teacher()));
        pairStarted(match.id());
    }

    /** A pair begins (accepted, or taken from the board): they are introduced and followed up over the weeks. */
    void pairStarted(long matchId) {
        new PairFollowUp(this).start(store.match(matchId).orElseThrow());
    }

    /** The teacher who accepts is the first to read a private goal. */
    Message withPrivateGoal(Message message, Ticket ticket) {
        return ticket.goal() != null && store.goalIsPrivate(ticket.id())
                ? message.withField(people.nameOf(ticket.learner()) + " wants to", ticket.goal()) : message;
    }

    /**
     * The teacher said no, let the deadline pass, or stopped teaching the topic: on to the next teacher. A teacher
     * who stayed silent is paused (and told) so the learner comes back to her once she is back.
     */
    void dropProposal(Match match, MatchStatus why) {
        Optional<Instant> pausedUntil = moveOn(match, why);
        matchWaiting(match.topic());
        if (pausedUntil.isPresent()) {
            // she now has room but is paused: the others still waiting for the topic hear why it isn't them
            List<Ticket> others = store.waitingTickets(match.topic(), WAITING_PASS).stream()
                    .filter(waiting -> waiting.id() != match.ticketId() && !waiting.learner().equals(match.teacher()))
                    .toList();
            WhyWaiting whyWaiting = new WhyWaiting(this, match.topic(), others.stream().map(Ticket::learner).toList());
            String invited = new TeachInvitations(this).whoWasAsked(match.topic());
            for (Ticket waiting : others) {
                outbox.sendDirect(waiting.learner(), Message.text(noTeacherYet(waiting, whyWaiting, invited)));
            }
        }
    }

    /** A teacher stopped teaching a topic: each proposal waiting for her moves on, then one matching pass. */
    void withdrawAll(List<Match> proposals) {
        proposals.forEach(proposal -> moveOn(proposal, MatchStatus.WITHDRAWN));
        proposals.stream().map(Match::topic).distinct().forEach(this::matchWaiting);
    }

    /** Ends one proposal and proposes its ticket to the next teacher; when the teacher is now paused, until when. */
    private Optional<Instant> moveOn(Match match, MatchStatus why) {
        store.answer(match.id(), why, now);
        tasks.cancel(DEADLINE_TASK, match.id());
        Ticket ticket = ticket(match.ticketId());
        TeacherPauses pauses = new TeacherPauses(this, work);
        Optional<Instant> pausedUntil = why == MatchStatus.EXPIRED ? pauses.pauseAfterSilence(match) : Optional.empty();
        String teacher = people.nameOf(match.teacher());
        String lead = switch (why) {
            case DECLINED -> teacher + " can't take your " + ticket.topic() + " ticket right now. ";
            case WITHDRAWN -> teacher + " has stopped teaching " + ticket.topic() + ", so I've withdrawn my request. ";
            default -> teacher + " didn't answer in time about your " + ticket.topic() + " ticket. ";
        };
        boolean proposedElse = propose(ticket, lead, true);
        if (match.proposalMessageId() != null) {
            outbox.update(match.proposalMessageId(), messages.proposalDropped(ticket, why, proposedElse));
        }
        pausedUntil.ifPresent(until -> outbox.sendDirect(match.teacher(), pauses.pausedAfterSilence(match, until)));
        return pausedUntil;
    }

    /** What a learner nobody can be proposed to hears: that nobody has room, or who has and why not them. */
    String noTeacherYet(Ticket ticket) {
        return noTeacherYet(ticket, WhyWaiting.of(this, ticket), new TeachInvitations(this).whoWasAsked(ticket.topic()));
    }

    /** Like {@link #noTeacherYet(Ticket)} with the reasons and who was asked to teach the topic already read. */
    String noTeacherYet(Ticket ticket, WhyWaiting whyWaiting, String invited) {
        List<String> reasons = whyWaiting.reasons(ticket);
        if (reasons.isEmpty()) {
            return messages.noTeacherYet(ticket) + invited;
        }
        return "Nobody can take your *" + ticket.topic() + "* ticket #" + ticket.id() + " right now: "
                + String.join("; ", reasons) + ". You'll hear from me as soon as someone can." + invited;
    }

    void cancelDeadline(long matchId) {
        tasks.cancel(DEADLINE_TASK, matchId);
    }

    Ticket ticket(long id) {
        return store.ticket(id).orElseThrow(() -> new IllegalStateException("ticket " + id + " vanished"));
    }

    /** A ticket the caller may act on, or a clear message if the number is wrong. */
    Ticket ticketFor(long id) {
        return store.ticket(id).orElseThrow(() -> new UsageException(
                "There is no ticket #" + id + ". /learn list shows your tickets and their numbers."));
    }
}
