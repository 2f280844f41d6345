package dev.guildhall.livesession;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.Registry;
import dev.guildhall.mentorship.api.TeachInvites;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.util.List;
import java.util.Optional;

/**
 * The buttons. Those a trainee presses (flag, retract, upvote) are anonymous: the presser is never recorded and the
 * answer is their own reply. The summary's buttons are the presenter's and post in the session's channel.
 */
final class LiveSessionButtons {
    private final AnonymityKeys keys;
    private final LiveSessionSettings settings;

    private final TeachInvites teachInvites;

    LiveSessionButtons(AnonymityKeys keys, LiveSessionSettings settings, TeachInvites teachInvites) {
        this.keys = keys;
        this.settings = settings;
        this.teachInvites = teachInvites;
    }

    void register(Registry registry) {
        registry.anonymousAction(LiveSessionMessages.WAIT, this::flag);
        registry.anonymousAction(LiveSessionMessages.OK, this::getIt);
        registry.anonymousAction(LiveSessionMessages.UPVOTE, this::upvote);
        registry.anonymousAction(LiveSessionMessages.ASK, this::ask);
        registry.action(LiveSessionMessages.RECAP, this::recap);
        registry.action(LiveSessionMessages.LEARN_INVITE, this::learnInvite);
        registry.action(LiveSessionMessages.REMOVE, this::remove);
        registry.action(LiveSessionMessages.PAUSE, request -> pause(request, true));
        registry.action(LiveSessionMessages.RESUME, request -> pause(request, false));
        registry.action(LiveSessionMessages.QUESTIONS, this::questions);
    }

    private LiveSessionFlow flow(ActionRequest request) {
        return new LiveSessionFlow(request.work(), keys, settings);
    }

    private static LiveSession running(LiveSessionFlow flow, long sessionId) {
        LiveSession session = flow.store.session(sessionId).orElseThrow(() -> new UsageException(
                "That live session no longer exists."));
        if (!session.isRunning()) {
            throw new UsageException("*" + session.title() + "* has ended, so there's nothing to flag or vote on any more.");
        }
        return session;
    }

    private Reply flag(ActionRequest request) {
        LiveSessionFlow flow = flow(request);
        LiveSession session = running(flow, request.idArgument());
        LiveSessionFlow.refusePresenter(session, request.presser().id());
        LiveSessionFlow.Keyed keyed = flow.keyed(session);
        boolean raised = flow.raise(keyed, request.presser().id());
        return Reply.of(WaitCommand.confirmation(raised, keyed.restarted(), settings));
    }

    /**
     * A question typed in the invitation's box: flag and question, like /wait <question>, answered with the
     * invitation itself plus a line only the asker sees. Bad input changes nothing and keeps the box.
     */
    private Reply ask(ActionRequest request) {
        try {
            return askFromTheBox(request);
        } catch (UsageException refused) {
            // The box empties when pressed: a refusal (session ended, quota, paused…) hands the question back.
            throw refused.handingBack(request.input());
        }
    }

    private Reply askFromTheBox(ActionRequest request) {
        LiveSessionFlow flow = flow(request);
        LiveSession session = running(flow, request.idArgument());
        LiveSessionFlow.refusePresenter(session, request.presser().id());
        if (!request.channel().equals(Optional.of(session.channel()))) {
            throw new UsageException("Questions for *" + session.title() + "* are asked on its card in the session's"
                    + " channel, or with /wait <question> there.");
        }
        LiveSessionMessages messages = flow.messagesFor(session);
        String question = request.input();
        if (question.isEmpty()) {
            return Reply.of(messages.invitationFor(session, "✏️ Type your question in the box first, then press *"
                    + LiveSessionMessages.ASK_LABEL + "*. Nothing was sent."));
        }
        try {
            WaitCommand.checkQuestion(question);
        } catch (UsageException e) {
            return Reply.of(messages.invitationFor(session, "⚠️ " + e.handingBack(question).getMessage()));
        }
        LiveSessionFlow.Keyed keyed = flow.keyed(session);
        boolean raised = flow.raise(keyed, request.presser().id());
        flow.ask(keyed, request.presser().id(), question);
        return Reply.of(messages.invitationFor(keyed.session(), "🔒 Only you see this: "
                + WaitCommand.QUESTION_POSTED + " " + WaitCommand.confirmation(raised, keyed.restarted(), settings)));
    }

    private Reply getIt(ActionRequest request) {
        LiveSessionFlow flow = flow(request);
        return WaitCommand.retract(flow, running(flow, request.idArgument()), request.presser().id());
    }

    private Reply upvote(ActionRequest request) {
        LiveSessionFlow flow = flow(request);
        Question question = flow.store.question(request.idArgument()).orElseThrow(() -> new UsageException(
                "That question no longer exists."));
        LiveSession session = running(flow, question.sessionId());
        if (question.isRemoved()) {
            throw new UsageException("That question was removed by the presenter.");
        }
        LiveSessionFlow.Keyed keyed = flow.keyed(session);
        return switch (flow.upvote(keyed, question, request.presser().id())) {
            case COUNTED -> Reply.of("▲ Counted — nobody sees who voted.");
            case ALREADY_VOTED -> Reply.of("You've already upvoted this question; everyone counts once.");
            case OWN_QUESTION -> Reply.of("That's your own question — it's already on the presenter's board.");
        };
    }

    private Reply remove(ActionRequest request) {
        LiveSessionFlow flow = flow(request);
        Question question = flow.store.question(request.idArgument()).orElseThrow(() -> new UsageException(
                "That question no longer exists."));
        LiveSession session = presenters(flow, request.presser().id(), question.sessionId());
        if (question.isRemoved()) {
            throw new UsageException("That question is already removed.");
        }
        if (!session.isRunning()) {
            throw new UsageException("*" + session.title() + "* has ended; its questions stay as they were.");
        }
        flow.remove(session, question);
        return Reply.of("Removed the question from the channel and from your board.");
    }

    private Reply pause(ActionRequest request, boolean paused) {
        LiveSessionFlow flow = flow(request);
        LiveSession session = presenters(flow, request);
        if (!session.isRunning()) {
            throw new UsageException("*" + session.title() + "* has ended; there are no questions to pause.");
        }
        return SessionCommand.pause(flow, session, paused);
    }

    /** The "All questions" button and the list's "Show more": {@code <session>-<first index>}. */
    private Reply questions(ActionRequest request) {
        String[] parts = request.argument().split("-", 2);
        LiveSessionFlow flow = flow(request);
        try {
            LiveSession session = presenters(flow, request.presser().id(), Long.parseLong(parts[0]));
            return SessionCommand.questions(flow, session, parts.length < 2 ? 0 : Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new UsageException("That button is not one I recognise any more. Type /session questions.");
        }
    }

    private LiveSession presenters(LiveSessionFlow flow, ActionRequest request) {
        return presenters(flow, request.presser().id(), request.idArgument());
    }

    private LiveSession presenters(LiveSessionFlow flow, PersonId presser, long sessionId) {
        LiveSession session = flow.store.session(sessionId).orElseThrow(() -> new UsageException(
                "That live session no longer exists."));
        if (!session.presenter().equals(presser)) {
            throw new UsageException("Only " + flow.people.nameOf(session.presenter()) + ", who presented *"
                    + session.title() + "*, can do that.");
        }
        return session;
    }

    private Reply recap(ActionRequest request) {
        LiveSessionFlow flow = flow(request);
        LiveSession session = presenters(flow, request);
        if (session.recapPostedAt() != null) {
            throw new UsageException("The recap of *" + session.title() + "* is already in the channel (posted at "
                    + flow.messagesFor(session).time(session.recapPostedAt()) + ").");
        }
        List<Question> questions = flow.store.questions(session.id(), Integer.MAX_VALUE);
        if (questions.isEmpty()) {
            throw new UsageException("Nobody asked a question in *" + session.title() + "*, so there's nothing to recap.");
        }
        flow.post(session, LiveSessionMessages.recap(session, questions));
        flow.store.markRecapPosted(session.id(), flow.now());
        return Reply.of("📌 Posted the recap of " + LiveSessionMessages.plural(questions.size(), "question", "questions")
                + " in the session's channel.");
    }

    private Reply learnInvite(ActionRequest request) {
        LiveSessionFlow flow = flow(request);
        LiveSession session = presenters(flow, request);
        if (session.learnInvitePostedAt() != null) {
            throw new UsageException("The /learn invitation for *" + session.title() + "* is already in the channel"
                    + " (posted at " + flow.messagesFor(session).time(session.learnInvitePostedAt()) + ").");
        }
        List<Question> questions = flow.store.questions(session.id(), LiveSessionMessages.BOARD_QUESTIONS);
        flow.post(session, LiveSessionMessages.learnInvite(session, questions));
        flow.store.markLearnInvitePosted(session.id(), flow.now());
        // The invitation promises someone will teach it: those who know the topic are asked, with one click.
        List<String> asked = teachInvites.invite(LiveSessionMessages.learnTopicWord(session.title()),
                session.presenter(), "presented " + session.title(), request.work());
        return Reply.of("🧭 Posted the /learn invitation in the session's channel. Tickets people open show up on"
                + " /learn board." + (asked.isEmpty() ? "" : " I've asked " + String.join(" and ", asked)
                + " whether they'd teach it — see the DMs."));
    }
}
