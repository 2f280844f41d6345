package dev.guildhall.mentorship;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * After a match is accepted: the pair is introduced, asked a few days later whether they met (*We met* · *Not yet* ·
 * *It isn't working*), released kindly when it isn't working (the learner goes back in the queue; nobody is told who
 * said so), and closed as stale when nobody confirms a meeting within two weeks. Once they met, the weekly check-ins
 * ({@link PairCheckins}) take over; a first-time mentor also gets the {@link MentorPlaybook}.
 */
final class PairFollowUp {
    static final String DID_YOU_MEET = "mentorship.did-you-meet";
    static final String STALE = "mentorship.stale-pair";
    static final String MET = "mentorship.met";
    static final String NOT_YET = "mentorship.not-yet";
    static final String NOT_WORKING = "mentorship.not-working";
    static final Duration ASK_AFTER = Duration.ofDays(3);
    static final Duration ASK_AGAIN_AFTER = Duration.ofDays(4);
    static final Duration STALE_AFTER = Duration.ofDays(14);

    final MentorshipFlow flow;
    final PairStore pairs;

    PairFollowUp(MentorshipFlow flow) {
        this.flow = flow;
        this.pairs = flow.pairs;
    }

    /** A running pair as a button or a task finds it, with who pressed (the teacher, for tasks). */
    record Running(Match match, Pair pair, PersonId presser) {
        boolean presserTeaches() {
            return presser.equals(match.teacher());
        }

        PersonId partner() {
            return presserTeaches() ? match.learner() : match.teacher();
        }
    }

    static void register(Registry registry, MentorshipSettings settings) {
        Function<UnitOfWork, PairFollowUp> of = work -> new PairFollowUp(new MentorshipFlow(work, settings));
        registry.task(DID_YOU_MEET, (matchId, work) -> of.apply(work).askWhetherMet(matchId));
        registry.task(STALE, (matchId, work) -> of.apply(work).closeIfNeverMet(matchId));
        registry.task(PairCheckins.LEARNER_TASK, (matchId, work) -> of.apply(work).checkins().ask(matchId, false));
        registry.task(PairCheckins.TEACHER_TASK, (matchId, work) -> of.apply(work).checkins().ask(matchId, true));
        registry.task(MentorPlaybook.TASK, (matchId, work) -> of.apply(work).playbook().due(matchId));
        action(registry, settings, MET, PairFollowUp::met);
        action(registry, settings, NOT_YET, PairFollowUp::notYet);
        action(registry, settings, NOT_WORKING, PairFollowUp::notWorking);
        action(registry, settings, PairCheckins.GOING_WELL, (f, r) -> f.checkins().answer(f.running(r),
                "👍 going well."));
        action(registry, settings, PairCheckins.BLOCKED, (f, r) -> f.checkins().answer(f.running(r),
                "🧱 something is blocking — worth a quick chat."));
        action(registry, settings, PairCheckins.NOTE, (f, r) -> f.checkins().note(f.running(r), r.input()));
        action(registry, settings, PairCheckins.PAUSE, (f, r) -> f.checkins().pause(f.running(r)));
        action(registry, settings, PairCheckins.RESUME, (f, r) -> f.checkins().resume(f.running(r)));
        action(registry, settings, MentorPlaybook.SKIP, (f, r) -> f.playbook().skip(f.running(r)));
        action(registry, settings, MentorPlaybook.ASK_ADVISER, (f, r) -> f.playbook().askAdviser(f.running(r)));
        registry.personalData(PersonalData.table("mentorship_pair")
                .notPersonal("match_id", "started_at", "met_at", "closed_at", "checkins_paused_at", "playbook_step",
                        "playbook_skipped_at").build());
        registry.personalData(PersonalData.table("mentor_adviser")
                .person("teacher_id", OnForget.DELETE_ROW)
                .sharedText("topic")
                .notPersonal("opted_in_at", "last_asked_at").build());
        registry.whenForgetting((person, work) -> of.apply(work).forgetting(person));
    }

    private static void action(Registry registry, MentorshipSettings settings, String name,
                               BiFunction<PairFollowUp, ActionRequest, Reply> handler) {
        registry.action(name, request -> handler.apply(new PairFollowUp(new MentorshipFlow(request.work(), settings)),
                request));
    }

    PairCheckins checkins() {
        return new PairCheckins(this);
    }

    MentorPlaybook playbook() {
        return new MentorPlaybook(this);
    }

    void start(Match match) {
        Ticket ticket = flow.ticket(match.ticketId());
        boolean firstTime = flow.store.acceptedMatchesOf(match.teacher()) == 1;
        pairs.insert(match.id(), flow.now(), 0);
        Instant ask = flow.now().plus(ASK_AFTER);
        new PairIntroduction(flow).introduce(match, ticket, ask);
        flow.tasks.schedule(DID_YOU_MEET, match.id(), ask);
        flow.tasks.schedule(STALE, match.id(), flow.now().plus(STALE_AFTER));
        if (firstTime) {
            playbook().begin(match);
        }
    }

    /** The pair a button names, if the presser is in it and it still runs; otherwise a clear answer. */
    Running running(ActionRequest request) {
        Match match = flow.store.match(request.idArgument()).orElseThrow(() -> new UsageException(
                "That pair no longer exists."));
        PersonId presser = request.presser().id();
        if (!presser.equals(match.learner()) && !presser.equals(match.teacher())) {
            throw new UsageException("Only " + flow.people.nameOf(match.learner()) + " and "
                    + flow.people.nameOf(match.teacher()) + " can answer this.");
        }
        return running(match.id(), presser).orElseThrow(() -> new UsageException("Your *" + match.topic()
                + "* pair has ended, so there's nothing to do here."));
    }

    /** A pair still running (accepted and not closed): what a due task works on. */
    Optional<Running> running(long matchId, PersonId presser) {
        return flow.store.match(matchId).filter(match -> match.status() == MatchStatus.ACCEPTED)
                .flatMap(match -> pairs.pair(matchId).filter(Pair::isOpen)
                        .map(pair -> new Running(match, pair, presser == null ? match.teacher() : presser)));
    }

    private void askWhetherMet(long matchId) {
        running(matchId, null).filter(r -> !r.pair().hasMet()).ifPresent(r -> {
            for (PersonId person : List.of(r.match().learner(), r.match().teacher())) {
                PersonId other = person.equals(r.match().learner()) ? r.match().teacher() : r.match().learner();
                String otherName = flow.people.nameOf(other);
                flow.outbox.sendDirect(person, Message.text("🤝 Have you and " + otherName + " met about *"
                                + r.match().topic() + "* yet?")
                        .withButton(Button.primary(MET + ":" + matchId, "We met"))
                        .withButton(Button.of(NOT_YET + ":" + matchId, "Not yet"))
                        .withButton(Button.danger(NOT_WORKING + ":" + matchId, "It isn't working"))
                        .withContext("If it isn't working, I'll let the pair go kindly: " + otherName
                                + " won't be told who said so, or why."));
            }
        });
    }

    private Reply met(ActionRequest request) {
        Running r = running(request);
        if (r.pair().hasMet()) {
            return Reply.of("Thanks — I already know you met. Enjoy the *" + r.match().topic() + "* sessions!");
        }
        pairs.met(r.match().id(), flow.now());
        flow.tasks.cancel(DID_YOU_MEET, r.match().id());
        flow.tasks.cancel(STALE, r.match().id());
        checkins().start(r.match());
        playbook().afterFirstMeeting(r);
        flow.outbox.sendDirect(r.partner(), Message.text("✅ " + flow.people.nameOf(r.presser())
                + " told me you met about *" + r.match().topic() + "* — great start!"));
        return Reply.of("🎉 Great, noted. From next week I'll ask each of you, in your own working hours, how it's"
                + " going; only the two of you see the answers.");
    }

    private Reply notYet(ActionRequest request) {
        Running r = running(request);
        if (r.pair().hasMet()) {
            return Reply.of("You've met already, so no need — I won't ask again.");
        }
        Instant again = flow.now().plus(ASK_AGAIN_AFTER);
        flow.tasks.cancel(DID_YOU_MEET, r.match().id());
        flow.tasks.schedule(DID_YOU_MEET, r.match().id(), again);
        Instant stale = r.pair().startedAt().plus(STALE_AFTER);
        return Reply.of("No problem — I'll ask again on " + flow.messages.at(again, r.presser()) + ". If you"
                + " haven't met by " + flow.messages.at(stale, r.presser()) + ", I'll close the pair so "
                + flow.people.nameOf(r.match().learner()) + " can find another way.");
    }

    private Reply notWorking(ActionRequest request) {
        Running r = running(request);
        Match match = r.match();
        Ticket ticket = flow.ticket(match.ticketId());
        flow.store.end(match.id(), MatchStatus.RELEASED, flow.now());
        endFollowUps(match.id());
        flow.store.setTicketStatus(ticket.id(), TicketStatus.WAITING, flow.now());
        String teacherName = flow.people.nameOf(match.teacher());
        String learnerName = flow.people.nameOf(match.learner());
        Reply reply;
        if (r.presserTeaches()) {
            flow.propose(flow.ticket(ticket.id()), "🍃 Your *" + ticket.topic() + "* pair with " + teacherName
                    + " has been released — these things happen, and no reason is shared. ", true);
            reply = Reply.of("Thanks for telling me. I've released the pair kindly: " + learnerName + " is told only"
                    + " that it ended, and I'm finding them another teacher. Your place is free for the next learner.");
        } else {
            flow.outbox.sendDirect(match.teacher(), Message.text("🍃 Your *" + ticket.topic() + "* pair with "
                    + learnerName + " has been released — these things happen, and no reason is shared. Thank you for"
                    + " your time; your place is free for the next learner."));
            flow.propose(flow.ticket(ticket.id()), "", true);
            reply = Reply.of("Thanks for telling me. I've released the pair kindly: " + teacherName + " is told only"
                    + " that it ended. Your ticket #" + ticket.id() + " is back in the queue, and you won't be paired"
                    + " with " + teacherName + " on " + ticket.topic() + " again.");
        }
        flow.matchWaiting(ticket.topic());
        return reply;
    }

    /**
     * Saying {@code /learn done} shows the pair met, even if nobody pressed *We met*: the did-you-meet question and the
     * stale close stop, so a learner who answers *Not yet — go through it again* keeps the pair.
     */
    void finishing(Match match) {
        running(match.id(), null).filter(r -> !r.pair().hasMet()).ifPresent(r -> {
            pairs.met(match.id(), flow.now());
            flow.tasks.cancel(DID_YOU_MEET, match.id());
            flow.tasks.cancel(STALE, match.id());
        });
    }

    private void closeIfNeverMet(long matchId) {
        running(matchId, null).filter(r -> !r.pair().hasMet()).ifPresent(r -> {
            Match match = r.match();
            Ticket ticket = flow.ticket(match.ticketId());
            flow.store.end(match.id(), MatchStatus.RELEASED, flow.now());
            endFollowUps(match.id());
            flow.store.setTicketStatus(ticket.id(), TicketStatus.RELEASED, flow.now());
            String lead = "⌛ Nobody confirmed a first meeting of your *" + ticket.topic() + "* pair in two weeks, so"
                    + " I've closed it as stale (ticket #" + ticket.id() + ").";
            flow.outbox.sendDirect(match.learner(), Message.text(lead + " If you still want to learn "
                    + ticket.topic() + ", /learn " + ticket.topic() + " starts afresh."));
            flow.outbox.sendDirect(match.teacher(), Message.text(lead + " Your place is free for the next learner."));
            flow.matchWaiting(ticket.topic());
        });
    }

    /** No more questions, check-ins or playbook steps for this pair. */
    void endFollowUps(long matchId) {
        pairs.close(matchId, flow.now());
        for (String task : List.of(DID_YOU_MEET, STALE, PairCheckins.LEARNER_TASK, PairCheckins.TEACHER_TASK,
                MentorPlaybook.TASK)) {
            flow.tasks.cancel(task, matchId);
        }
    }

    private void forgetting(PersonId person) {
        pairs.openPairsOf(person).forEach(this::endFollowUps);
    }
}
