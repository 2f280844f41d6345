package dev.guildhall.livesession;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.people.People;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The steps of a live session inside one transaction. A trainee's {@link PersonId} comes in only to be turned into a
 * token by the session's in-memory key: it is never stored, bound into SQL, sent or logged.
 */
final class LiveSessionFlow {
    static final String EXPIRY_TASK = "livesession.flag-expiry";
    static final String AUTO_END_TASK = "livesession.auto-end";
    static final String CHANNEL_MEMBERS_TASK = "livesession.channel-members";
    static final String FLAG_PURPOSE = "flag";
    static final String QUOTA_PURPOSE = "questions";
    static final String REQUEST_PURPOSE = "request";
    static final int SUMMARY_ROWS = 30;
    private static final Logger log = LoggerFactory.getLogger(LiveSessionFlow.class);

    final LiveSessionStore store;
    final People people;
    private final Outbox outbox;
    private final DueTasks tasks;
    private final AnonymityKeys keys;
    private final LiveSessionSettings settings;
    private final Instant now;

    LiveSessionFlow(UnitOfWork work, AnonymityKeys keys, LiveSessionSettings settings) {
        this.store = new LiveSessionStore(work.handle());
        this.people = new People(work.handle());
        this.outbox = new Outbox(work);
        this.tasks = new DueTasks(work);
        this.keys = keys;
        this.settings = settings;
        this.now = work.now();
    }

    Instant now() {
        return now;
    }

    LiveSessionSettings settings() {
        return settings;
    }

    LiveSessionMessages messagesFor(LiveSession session) {
        return new LiveSessionMessages(people.zoneOf(session.presenter()).orElse(ZoneOffset.UTC), settings);
    }

    /**
     * Opens a session. Without a chosen threshold, the platform is asked after the commit how many are in the channel
     * ({@link #CHANNEL_MEMBERS_TASK} reads the answer); until it answers, the default applies.
     */
    LiveSession start(PersonId presenter, ChannelId channel, String title, OptionalInt chosenThreshold,
                      int questionsPerHour) {
        long id = store.insertSession(channel, title, presenter, Threshold.of(chosenThreshold, OptionalInt.empty()),
                questionsPerHour, now);
        keys.create(store, id, 1);
        LiveSession session = reload(id);
        LiveSessionMessages messages = messagesFor(session);
        long board = outbox.sendDirect(presenter, messages.board(session, 0, 0, 0, List.of(), now));
        long invitation = outbox.post(channel, messages.invitation(session));
        store.setMessages(id, board, invitation);
        tasks.schedule(AUTO_END_TASK, id, now.plus(settings.maxLength()));
        // Asked after the board and the invitation: a slow answer must not hold them up.
        if (chosenThreshold.isEmpty()) {
            store.askedForMembers(id, outbox.askMemberCount(channel, CHANNEL_MEMBERS_TASK, id));
        }
        log.info("live session {} started", id);
        return reload(id);
    }

    LiveSession reload(long id) {
        return store.session(id).orElseThrow(() -> new IllegalStateException("live session " + id + " vanished"));
    }

    /** The session with the key this process holds for it; {@code restarted} when the key had to be made anew. */
    record Keyed(LiveSession session, SessionKeys.Generation key, boolean restarted) {
    }

    /**
     * The session's current key. If this process does not hold it (a restart forgot it), a new generation starts:
     * flags and vote marks of the old one can no longer be matched to anyone, so they are cleared and the channel is
     * asked to flag again, rather than counting someone twice.
     */
    Keyed keyed(LiveSession session) {
        var held = keys.current(store, session.id(), session.keyGeneration());
        if (held.isPresent()) {
            return new Keyed(session, held.get(), false);
        }
        int next = session.keyGeneration() + 1;
        SessionKeys.Generation key = keys.create(store, session.id(), next);
        store.newGeneration(session.id(), next, now);
        int cleared = store.endFlagsBefore(session.id(), next, now, "RESTARTED");
        store.deleteMarksBefore(session.id(), next);
        store.deleteKeyedRowsBefore(session.id(), next);
        outbox.post(session.channel(), LiveSessionMessages.restartNotice());
        log.warn("live session {} had no key in memory (restart?): started key generation {}, cleared {} flags",
                session.id(), next, cleared);
        return new Keyed(reload(session.id()), key, true);
    }

    /**
     * The presenter's own flag or question would read as someone in the audience being lost: refused, nothing kept.
     * Checked before the session's key is touched, so a refusal leaves no trace.
     */
    static void refusePresenter(LiveSession session, PersonId person) {
        if (session.presenter().equals(person)) {
            throw new UsageException("You're presenting *" + session.title() + "*, so your own flag or question would"
                    + " look like someone in the audience is lost. WAIT is for your audience; your board shows how many"
                    + " of them are lost. Nothing was sent.");
        }
    }

    /** Raises the person's flag, or keeps it up longer if it already is; returns true for a new flag. */
    boolean raise(Keyed keyed, PersonId person) {
        LiveSession session = keyed.session();
        String token = keyed.key().token(FLAG_PURPOSE, person);
        Instant expires = now.plus(settings.flagLifetime());
        var up = store.flagUp(session.id(), token);
        if (up.isPresent()) {
            store.renewFlag(up.get().id(), expires);
            tasks.cancel(EXPIRY_TASK, up.get().id());
            tasks.schedule(EXPIRY_TASK, up.get().id(), expires);
            if (keyed.restarted()) {
                refreshBoard(session.id());
            }
            return false;
        }
        long flag = store.insertFlag(session.id(), keyed.key().number(), token, now, expires);
        tasks.schedule(EXPIRY_TASK, flag, expires);
        refreshBoard(session.id());
        return true;
    }

    /** Takes the person's flag down; false if they had none up. */
    boolean retract(Keyed keyed, PersonId person) {
        LiveSession session = keyed.session();
        var up = store.flagUp(session.id(), keyed.key().token(FLAG_PURPOSE, person));
        up.ifPresent(flag -> {
            store.endFlag(flag.id(), now, "RETRACTED");
            tasks.cancel(EXPIRY_TASK, flag.id());
        });
        if (up.isPresent() || keyed.restarted()) {
            refreshBoard(session.id());
        }
        return up.isPresent();
    }

    /**
     * Counts one more question against the person's limits, under the session's key, or says plainly when they may
     * ask again. A refusal throws, so nothing of the request (its flag included) is kept.
     */
    void countQuestion(Keyed keyed, PersonId person) {
        LiveSession session = keyed.session();
        if (session.questionsPaused()) {
            throw new UsageException("The presenter has paused questions for now, so yours was not posted. /wait"
                    + " alone still tells them you're lost, anonymously.");
        }
        String token = keyed.key().token(QUOTA_PURPOSE, person);
        QuestionQuota quota = store.quota(session.id(), token).map(known -> known.at(now))
                .orElseGet(() -> QuestionQuota.none(now));
        quota.blockedUntil(session.questionsPerHour()).ifPresent(until -> {
            throw new UsageException("You've asked as many questions as this session allows for now ("
                    + QuestionQuota.PER_MINUTE + " a minute, " + session.questionsPerHour() + " an hour), so this one"
                    + " was not posted and nothing changed. You can ask again in "
                    + LiveSessionMessages.minutes(Duration.between(now, until)) + "; meanwhile ▲ Me too on a"
                    + " question in the channel counts too.");
        });
        store.saveQuota(session.id(), keyed.key().number(), token, quota.plusOne());
    }

    /** Posts an anonymous question in the session's channel; the asker's mark keeps them from upvoting it. */
    Question ask(Keyed keyed, PersonId person, String text) {
        LiveSession session = keyed.session();
        countQuestion(keyed, person);
        long id = store.insertQuestion(session.id(), text, now);
        store.insertMark(id, keyed.key().token(votePurpose(id), person), keyed.key().number(), true);
        Question question = store.question(id).orElseThrow();
        long post = outbox.post(session.channel(), LiveSessionMessages.question(question, true));
        store.setQuestionPost(id, post);
        refreshBoard(session.id());
        return question;
    }

    UpvoteOutcome upvote(Keyed keyed, Question question, PersonId person) {
        String token = keyed.key().token(votePurpose(question.id()), person);
        var mark = store.mark(question.id(), token);
        if (mark.isPresent()) {
            return mark.get() ? UpvoteOutcome.OWN_QUESTION : UpvoteOutcome.ALREADY_VOTED;
        }
        store.insertMark(question.id(), token, keyed.key().number(), false);
        store.countVote(question.id());
        Question counted = store.question(question.id()).orElseThrow();
        if (counted.postMessageId() != null) {
            outbox.update(counted.postMessageId(), LiveSessionMessages.question(counted, true));
        }
        refreshBoard(keyed.session().id());
        return UpvoteOutcome.COUNTED;
    }

    /** The presenter takes an anonymous question down: from the channel, the board and the summary. */
    void remove(LiveSession session, Question question) {
        store.removeQuestion(question.id(), now);
        if (question.postMessageId() != null) {
            outbox.update(question.postMessageId(), LiveSessionMessages.questionRemoved());
        }
        refreshBoard(session.id());
    }

    /** Pauses or resumes anonymous questions; flags and votes go on. */
    void pauseQuestions(LiveSession session, boolean paused) {
        store.setQuestionsPaused(session.id(), paused);
        outbox.post(session.channel(), LiveSessionMessages.questionsPaused(paused));
        refreshBoard(session.id());
    }

    /**
     * Takes the keyed hash of an anonymous request's platform id under the session's key: false for a retry. Its
     * generation goes with it, so a restart's new key forgets the old hashes along with the old tokens.
     */
    boolean claimRequest(Keyed keyed, String requestId) {
        return store.claimRequest(keyed.session().id(), keyed.key().number(),
                keyed.key().token(REQUEST_PURPOSE, requestId), now);
    }

    /** Votes on different questions get unrelated tokens, so the store cannot tell that one person cast both. */
    static String votePurpose(long questionId) {
        return "vote:" + questionId;
    }

    /** A flag's time ran out without a renewal. */
    void expire(long flagId) {
        store.flag(flagId).filter(Flag::isUp).ifPresent(flag -> {
            if (flag.expiresAt().isAfter(now)) {
                tasks.schedule(EXPIRY_TASK, flagId, flag.expiresAt());
                return;
            }
            // It went down when its time ran out, whenever the runner got to it: the timeline shows that moment.
            store.endFlag(flagId, flag.expiresAt(), "EXPIRED");
            refreshBoard(flag.sessionId());
        });
    }

    /**
     * The platform's count of the session's channel has come: the threshold becomes 10 % of it (at least the
     * default), and the board shows it. No answer (a DM, an error, no permission) leaves the default.
     */
    void channelMembersAnswered(long sessionId) {
        LiveSession session = reload(sessionId);
        if (!session.isRunning() || session.thresholdChosen()) {
            return;
        }
        OptionalInt members = outbox.memberCount(session.membersRequestId());
        if (members.isEmpty()) {
            log.info("live session {}: the platform did not tell the channel's size; the nudge threshold stays {}",
                    sessionId, session.threshold());
            return;
        }
        store.setChannelMembers(sessionId, members.getAsInt(), Threshold.of(OptionalInt.empty(), members));
        refreshBoard(sessionId);
    }

    /** Updates the presenter's board in place, nudging them when the count reaches the threshold. */
    void refreshBoard(long sessionId) {
        LiveSession session = reload(sessionId);
        if (!session.isRunning() || session.boardMessageId() == null) {
            return;
        }
        int up = store.countUp(sessionId);
        boolean nudge = Threshold.shouldNudge(up, session.threshold(), session.nudgeArmed(),
                Optional.ofNullable(session.lastNudgedAt()), now, settings.nudgeCooldown());
        if (nudge) {
            outbox.sendDirect(session.presenter(), LiveSessionMessages.nudge(up));
            store.markNudged(sessionId, now);
        }
        outbox.update(session.boardMessageId(), board(session, up));
        store.setBoardState(sessionId, Threshold.armedAfter(up, session.threshold(), session.nudgeArmed(), nudge), up);
    }

    Message board(LiveSession session, int up) {
        int recent = store.countRaisedSince(session.id(), now.minus(settings.recentWindow()));
        return messagesFor(session).board(session, up, session.lastBoardCount(), recent,
                store.questions(session.id(), LiveSessionMessages.BOARD_QUESTIONS), now);
    }

    /** Posts in the session's channel (the presenter's recap and invitations). */
    void post(LiveSession session, Message message) {
        outbox.post(session.channel(), message);
    }

    /** Closes the session: flags down, tokens and key gone, the presenter gets the summary. */
    void end(LiveSession session) {
        for (long flag : store.flagIdsUp(session.id())) {
            tasks.cancel(EXPIRY_TASK, flag);
        }
        store.endFlagsBefore(session.id(), Integer.MAX_VALUE, now, "SESSION_ENDED");
        store.deleteMarksBefore(session.id(), Integer.MAX_VALUE);
        store.deleteKeyedRowsBefore(session.id(), Integer.MAX_VALUE);
        store.endSession(session.id(), now);
        tasks.cancel(AUTO_END_TASK, session.id());

        LiveSessionMessages messages = messagesFor(session);
        if (session.inviteMessageId() != null) {
            outbox.update(session.inviteMessageId(), messages.invitationClosed(session));
        }
        if (session.boardMessageId() != null) {
            outbox.update(session.boardMessageId(), messages.boardClosed(session));
        }
        List<Question> questions = store.questions(session.id(), Integer.MAX_VALUE);
        for (Question question : questions) {
            if (question.postMessageId() != null) {
                outbox.update(question.postMessageId(), LiveSessionMessages.question(question, false));
            }
        }
        List<Flag> flags = store.flags(session.id());
        Timeline timeline = Timeline.of(flags, session.startedAt(), now, SUMMARY_ROWS);
        // Every question, however many: the chat adapters carry a long summary whole, across messages if need be.
        long summary = outbox.sendDirect(session.presenter(), messages.summary(session, timeline, questions, now));
        store.setSummaryMessage(session.id(), summary);
        outbox.post(session.channel(), messages.ended(session, flags.size(), questions.size()));
        keys.discard(store, session.id());
        log.info("live session {} ended: {} flags, {} questions", session.id(), flags.size(), questions.size());
    }
}
