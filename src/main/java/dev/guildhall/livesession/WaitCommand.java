package dev.guildhall.livesession;

import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.util.Locale;

/**
 * {@code /wait}: "I don't get this yet", anonymously. Registered as anonymous, so the bot does not even record that
 * the caller was seen; the answer is the caller's own reply, never an outbox row (those name their recipient).
 */
final class WaitCommand {
    static final String USAGE = """
            /wait — in a live session's channel: say you're lost. Your flag stays up a few minutes; /wait again renews it
            /wait <question> — the same, and ask a question; it's posted without your name and others can upvote it
            /wait ok — you get it now: take your flag down
            Nobody, not even the presenter, sees who flagged, asked or voted.""";
    static final String NAME = "wait";
    static final int MAX_QUESTION_LENGTH = 300;
    static final String QUESTION_POSTED = "❓ Your question is posted in the channel without your name; others can"
            + " upvote it.";

    private final AnonymityKeys keys;
    private final LiveSessionSettings settings;

    WaitCommand(AnonymityKeys keys, LiveSessionSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    CommandSpec spec() {
        return new CommandSpec(NAME, "say \"I don't get this yet\" in a live session, anonymously", USAGE,
                this::handle, true);
    }

    private Reply handle(CommandRequest request) {
        var channel = request.channel().orElseThrow(() -> new UsageException(
                "/wait works in the channel where a live session is running — type it there; it stays anonymous."));
        LiveSessionFlow flow = new LiveSessionFlow(request.work(), keys, settings);
        LiveSession session = flow.store.runningIn(channel).orElseThrow(() -> new UsageException(
                "There's no live session in this channel right now, so there's nobody to tell. The presenter starts"
                        + " one here with /session start \"<title>\"; then /wait (or its button) flags anonymously."));
        String text = Mentions.plain(request.args().restFrom(0));
        PersonId caller = request.caller().id();
        if (text.toLowerCase(Locale.ROOT).equals("ok")) {
            return retract(flow, session, caller);
        }
        LiveSessionFlow.refusePresenter(session, caller);
        if (!text.isEmpty()) {
            checkQuestion(text);
        }
        LiveSessionFlow.Keyed keyed = flow.keyed(session);
        boolean raised = flow.raise(keyed, caller);
        StringBuilder reply = new StringBuilder(confirmation(raised, keyed.restarted(), settings));
        if (!text.isEmpty()) {
            flow.ask(keyed, caller, text);
            reply.append('\n').append(QUESTION_POSTED);
        }
        return Reply.of(reply.toString());
    }

    static void checkQuestion(String text) {
        if (text.length() > MAX_QUESTION_LENGTH) {
            throw new UsageException("Please keep your question under " + MAX_QUESTION_LENGTH + " characters (that was "
                    + text.length() + "). Nothing was sent.");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new UsageException("Your question contains control characters. Type it as plain text.");
        }
    }

    static String confirmation(boolean raised, boolean restarted, LiveSessionSettings settings) {
        String lifetime = LiveSessionMessages.minutes(settings.flagLifetime());
        String restart = restarted ? " (Guildhall restarted during the session and cleared the earlier flags;"
                + " yours counts from now.)" : "";
        if (raised) {
            return "✋ Your flag is up: the presenter sees one more person lost — never who." + restart
                    + " It goes down by itself in " + lifetime + "; /wait again keeps it up, /wait ok (or *"
                    + LiveSessionMessages.OK_LABEL + "*) takes it down.";
        }
        return "✋ Your flag stays up for another " + lifetime + " — you still count once." + restart;
    }

    static Reply retract(LiveSessionFlow flow, LiveSession session, PersonId caller) {
        LiveSessionFlow.Keyed keyed = flow.keyed(session);
        if (flow.retract(keyed, caller)) {
            return Reply.of("👍 Glad it clicked — your flag is down.");
        }
        if (keyed.restarted()) {
            return Reply.of("Guildhall restarted during the session and cleared the earlier flags, so yours is"
                    + " already down.");
        }
        return Reply.of("You have no flag up in this session, so there's nothing to take down.");
    }
}
