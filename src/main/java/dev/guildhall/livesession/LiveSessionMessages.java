package dev.guildhall.livesession;

import dev.guildhall.core.ListPage;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What live sessions say. Every text is about counts and questions — never about a person behind them. */
final class LiveSessionMessages {
    static final String WAIT = "livesession.wait";
    static final String OK = "livesession.ok";
    static final String UPVOTE = "livesession.upvote";
    static final String RECAP = "livesession.recap";
    static final String LEARN_INVITE = "livesession.learn-invite";
    static final String REMOVE = "livesession.remove";
    static final String PAUSE = "livesession.pause";
    static final String RESUME = "livesession.resume";
    static final String QUESTIONS = "livesession.questions";
    static final String ASK = "livesession.ask";

    static final String WAIT_LABEL = "I don't get this yet";
    static final String OK_LABEL = "I get it now";
    static final String ASK_LABEL = "Ask anonymously";
    static final String INVITATION = "Lost? Press *" + WAIT_LABEL + "* or type `/wait` — nobody, not even the"
            + " presenter, sees who.";
    static final int BOARD_QUESTIONS = 5;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final ZoneId presenterZone;
    private final LiveSessionSettings settings;

    LiveSessionMessages(ZoneId presenterZone, LiveSessionSettings settings) {
        this.presenterZone = presenterZone;
        this.settings = settings;
    }

    String time(Instant instant) {
        return CLOCK.format(instant.atZone(presenterZone));
    }

    private String zoneSuffix() {
        return presenterZone.equals(ZoneOffset.UTC) ? " UTC" : "";
    }

    static String minutes(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        return minutes + " min";
    }

    // --- in the channel

    Message invitation(LiveSession session) {
        return Message.text("🎤 Live session: *" + session.title() + "*\n" + INVITATION)
                .withButton(Button.primary(WAIT + ":" + session.id(), WAIT_LABEL))
                .withButton(Button.of(OK + ":" + session.id(), OK_LABEL))
                .withButton(Button.sendingText(ASK + ":" + session.id(), ASK_LABEL,
                        "Your question — posted without your name"))
                .withContext("`/wait <question>` asks a question anonymously; `/wait ok` takes your flag down."
                        + " Flags go down by themselves after " + minutes(settings.flagLifetime())
                        + " unless you /wait again.");
    }

    /**
     * The answer to a question asked in the invitation's text box: on Teams it replaces the invitation for the asker
     * only, so it is the same invitation, buttons and box included, with a line for them.
     */
    Message invitationFor(LiveSession session, String line) {
        Message invitation = invitation(session);
        return new Message(invitation.text() + "\n\n" + line, invitation.fields(), invitation.context(),
                invitation.buttons());
    }

    Message invitationClosed(LiveSession session) {
        return Message.text("🎤 Live session: *" + session.title() + "* — ended. Thanks for saying when you were lost.");
    }

    static Message question(Question question, boolean open) {
        Message message = Message.text("❓ Anonymous question: " + question.text())
                .withContext(votes(question.votes()) + (open ? " · press to say you want to know too" : " · session ended"));
        return open ? message.withButton(Button.of(UPVOTE + ":" + question.id(), "▲ Me too")) : message;
    }

    static Message questionRemoved() {
        return Message.text("A question was removed by the presenter.");
    }

    static Message questionsPaused(boolean paused) {
        return Message.text(paused ? "⏸ The presenter paused questions for now. Lost? /wait and its button still work."
                : "▶ Questions are open again: `/wait <question>` asks one anonymously.");
    }

    static Message restartNotice() {
        return Message.text("Guildhall restarted during this session, so the flags raised before now were cleared."
                + " Still lost? Press *" + WAIT_LABEL + "* or type `/wait` again — still anonymous.");
    }

    Message ended(LiveSession session, int raised, int questions) {
        return Message.text("The live session *" + session.title() + "* has ended: " + plural(raised, "flag", "flags")
                + " raised, " + plural(questions, "question", "questions") + " asked. Thanks, everyone.");
    }

    static Message recap(LiveSession session, List<Question> questions) {
        StringBuilder text = new StringBuilder("📌 Recap of *" + session.title() + "* — the "
                + plural(questions.size(), "question", "questions") + " you asked, most wanted first:");
        for (Question question : questions) {
            text.append("\n• ").append(question.text()).append(" (").append(votes(question.votes())).append(')');
        }
        return Message.text(text.toString());
    }

    static Message learnInvite(LiveSession session, List<Question> questions) {
        String topic = learnTopic(session.title());
        StringBuilder text = new StringBuilder("🧭 Still unsure about parts of *" + session.title() + "*?");
        if (!questions.isEmpty()) {
            text.append(" The muddiest points were:");
            questions.forEach(question -> text.append("\n• ").append(question.text()));
        }
        text.append("\nType `/learn ").append(topic).append(" <what is unclear>` and Guildhall will find you someone"
                + " who teaches it.");
        return Message.text(text.toString())
                .withContext("A /learn ticket is yours and not anonymous — your mentor needs to know who to talk to.");
    }

    static String learnTopic(String title) {
        String topic = learnTopicWord(title);
        return topic.contains(" ") ? "\"" + topic + "\"" : topic;
    }

    /** The topic the /learn invitation suggests, unquoted. */
    static String learnTopicWord(String title) {
        return title.strip().toLowerCase(Locale.ROOT).replace('"', '\'');
    }

    // --- to the presenter

    Message board(LiveSession session, int up, int previous, int recent, List<Question> top, Instant now) {
        String change = previous == up ? "" : " (was " + previous + ")";
        Message message = Message.text("📊 *" + session.title() + "* — live board: *" + up + " lost* right now" + change)
                .withField("Lost right now", up + " · you get a WAIT nudge at " + session.threshold())
                .withField("Flags raised in the last " + minutes(settings.recentWindow()), String.valueOf(recent))
                .withField("Top questions", top.isEmpty() ? "none yet" : questionLines(top));
        int rank = 1;
        for (Question question : top) {
            message = message.withButton(Button.danger(REMOVE + ":" + question.id(), "Remove question " + rank++));
        }
        message = session.questionsPaused()
                ? message.withButton(Button.primary(RESUME + ":" + session.id(), "Resume questions"))
                : message.withButton(Button.of(PAUSE + ":" + session.id(), "Pause questions"));
        message = message.withButton(Button.of(QUESTIONS + ":" + session.id() + "-0", "All questions"));
        if (session.questionsPaused()) {
            message = message.withField("Questions", "paused — /session resume opens them again");
        }
        if (session.restartedAt() != null) {
            message = message.withField("Note", "Guildhall restarted at " + time(session.restartedAt()) + zoneSuffix()
                    + "; flags raised before then were cleared and the channel was asked to press again.");
        }
        return message.withContext("Updated " + time(now) + zoneSuffix() + ". Flags go down after "
                + minutes(settings.flagLifetime()) + " unless renewed. Nobody's name is shown: Guildhall does not keep it.");
    }

    /** The presenter's full list: every standing question with its number and a button to remove it. */
    static Message questionList(LiveSession session, ListPage<Question> page) {
        StringBuilder text = new StringBuilder("❓ Questions in *" + session.title() + "*"
                + (page.isPaged() ? " (" + page.shown() + ")" : "") + ", oldest first:");
        for (Question question : page.items()) {
            text.append("\n#").append(question.id()).append(" ").append(question.text())
                    .append(" (").append(votes(question.votes())).append(')');
        }
        Message message = Message.text(text.toString())
                .withContext("/session remove <#> removes one by its number, too.");
        for (Question question : page.items()) {
            message = message.withButton(Button.danger(REMOVE + ":" + question.id(), "Remove #" + question.id()));
        }
        return message;
    }

    Message boardClosed(LiveSession session) {
        return Message.text("📊 *" + session.title() + "* — ended. Your summary is below.");
    }

    static Message nudge(int up) {
        String who = up == 1 ? "1 person is lost" : up + " people are lost";
        return Message.text("✋ WAIT — " + who + " — pause and ask what's unclear");
    }

    Message started(LiveSession session) {
        return Message.text("🎤 Your live session *" + session.title() + "* is running. I've invited the channel to"
                        + " flag when they're lost; your live board is in your DMs.")
                .withContext(nudgeRule(session) + " /session end closes it and sends you a summary.");
    }

    /** True when sent: a chosen number, or the rule while the platform's count of the channel is still to come. */
    private static String nudgeRule(LiveSession session) {
        return session.thresholdChosen()
                ? "You get a WAIT nudge when " + session.threshold() + " are lost at once."
                : "You get a WAIT nudge when 10 % of the channel are lost at once (at least " + Threshold.DEFAULT
                        + ") once the platform tells me the channel's size, else when " + Threshold.DEFAULT
                        + " are; your board shows the number in use.";
    }

    Message summary(LiveSession session, Timeline timeline, List<Question> questions, Instant end) {
        Duration length = Duration.between(session.startedAt(), end);
        Message message = Message.text("📝 *" + session.title() + "* — summary (" + time(session.startedAt()) + "–"
                        + time(end) + zoneSuffix() + ", " + minutes(length) + ")")
                .withField("Flags", plural(timeline.totalRaised(), "flag", "flags") + " raised · at most "
                        + timeline.peakLost() + " lost at once")
                .withField("Timeline of confusion (flags per " + minutes(timeline.step()).replace("1 min", "minute")
                        + ")", timeline.rows().isEmpty() ? "nobody flagged — clear as day" : timelineLines(timeline))
                .withField("Questions", questions.isEmpty() ? "none asked" : questionLines(questions));
        if (!questions.isEmpty()) {
            message = message.withButton(Button.primary(RECAP + ":" + session.id(), "Post the questions as a recap"));
        }
        return message.withButton(Button.of(LEARN_INVITE + ":" + session.id(), "Invite the channel to /learn"))
                .withContext("The recap posts the questions and their votes in the session's channel. The /learn"
                        + " invitation suggests `/learn " + learnTopic(session.title()) + "` there, so whoever is still"
                        + " lost can ask for a mentor. Nothing here says who flagged, asked or voted.");
    }

    private String timelineLines(Timeline timeline) {
        StringBuilder lines = new StringBuilder();
        boolean peakShown = false;
        for (Timeline.Row row : timeline.rows()) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(time(row.from())).append("  ").append("▮".repeat(Math.min(row.raised(), 20)))
                    .append(row.raised() == 0 ? "·" : "").append("  ").append(row.raised()).append(" raised · ")
                    .append(row.peakLost()).append(" lost at most");
            if (!peakShown && row.peakLost() == timeline.peakLost() && row.peakLost() > 0) {
                lines.append(" ← peak");
                peakShown = true;
            }
        }
        return lines.toString();
    }

    private static String questionLines(List<Question> questions) {
        StringBuilder lines = new StringBuilder();
        int rank = 1;
        for (Question question : questions) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(rank++).append(". ").append(question.text()).append(" — ").append(votes(question.votes()));
        }
        return lines.toString();
    }

    static String votes(int votes) {
        return "▲" + votes + (votes == 1 ? " vote" : " votes");
    }

    static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
