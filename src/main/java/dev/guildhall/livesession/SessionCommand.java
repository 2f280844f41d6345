package dev.guildhall.livesession;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.NearMiss;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ListPage;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.livesession.api.SessionModules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /session}: a presenter opens, checks and closes a live session in a channel. */
final class SessionCommand {
    static final String USAGE = """
            /session start "<title>" [--threshold N] [--questions N/hour] [--module "<module>"] — in the channel you present to: open a live \
            session there; people can flag anonymously when they're lost, and you get a WAIT nudge when N are \
            (default 2); each person may ask N questions an hour (default 20, and at most 3 a minute); --module links it \
            to a syllabus module you own, whose knowledge check goes out when the session ends
            /session status — how the live session in this channel is going
            /session questions — every question still up, each with a button to remove it
            /session remove <#> — remove a question by the number /session questions shows
            /session pause — stop new questions for a while (flags and votes go on); /session resume — allow them again
            /session end — close it; you get a summary with the timeline of confusion and the questions""";
    static final int MAX_TITLE_LENGTH = 120;
    private static final Set<String> SUBCOMMANDS = Set.of("start", "status", "questions", "remove", "pause",
            "resume", "end", "help");
    static final int QUESTIONS_PER_PAGE = 10;

    private final AnonymityKeys keys;
    private final LiveSessionSettings settings;
    private final SessionModules modules;

    SessionCommand(AnonymityKeys keys, LiveSessionSettings settings, SessionModules modules) {
        this.keys = keys;
        this.settings = settings;
        this.modules = modules;
    }

    CommandSpec spec() {
        return new CommandSpec("session", "run a live session where people can flag \"I don't get this yet\"",
                USAGE, this::handle);
    }

    private Reply handle(CommandRequest request) {
        LiveSessionFlow flow = new LiveSessionFlow(request.work(), keys, settings);
        Args args = request.args();
        String sub = args.isEmpty() ? "" : args.first();
        return switch (sub) {
            case "start" -> start(flow, request, args.shift().withOptions(Set.of("threshold", "questions", "module"), USAGE));
            case "questions" -> {
                expectNothingAfter(args.shift(), "questions");
                yield questions(flow, presented(flow, request, "questions", "list"), 0);
            }
            case "remove" -> remove(flow, request, args.shift());
            case "pause", "resume" -> {
                expectNothingAfter(args.shift(), sub);
                yield pause(flow, presented(flow, request, sub, "change"), sub.equals("pause"));
            }
            case "status" -> {
                expectNothingAfter(args.shift(), "status");
                yield status(flow, request);
            }
            case "end" -> {
                expectNothingAfter(args.shift(), "end");
                yield end(flow, request);
            }
            case "" -> throw new UsageException("What would you like to do? " + USAGE);
            default -> throw new UsageException(NearMiss.of(sub, SUBCOMMANDS)
                    .map(meant -> "Did you mean /session " + meant + "? ")
                    .orElse("I don't know /session " + sub + ". ") + USAGE);
        };
    }

    private static void expectNothingAfter(Args args, String sub) {
        if (!args.withOptions(Set.of(), USAGE).isEmpty()) {
            throw new UsageException("/session " + sub + " takes nothing after it. Type it in the session's channel.");
        }
    }

    private Reply start(LiveSessionFlow flow, CommandRequest request, Args args) {
        ChannelId channel = request.channel().orElseThrow(() -> new UsageException(
                "A live session belongs to a channel: type /session start \"<title>\" in the channel you're presenting"
                        + " to, and the people there can flag when they're lost."));
        String title = args.isEmpty() ? "" : String.join(" ", valuesOf(args)).strip();
        if (title.isEmpty()) {
            throw new UsageException("Give your session a title, like /session start \"VPC peering\".");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new UsageException("Please keep the title under " + MAX_TITLE_LENGTH + " characters (that was "
                    + title.length() + ").");
        }
        if (title.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException("The title contains control characters. Type it as plain text.");
        }
        OptionalInt threshold = toOptionalInt(args.intOption("threshold", 1, Threshold.MAX));
        int questionsPerHour = args.option("questions").map(SessionCommand::perHour).orElse(QuestionQuota.PER_HOUR);
        Optional<LiveSession> running = flow.store.runningIn(channel);
        if (running.isPresent()) {
            LiveSession session = running.get();
            String presenter = flow.people.nameOf(session.presenter());
            throw new UsageException("A live session is already running in this channel: *" + session.title()
                    + "*, presented by " + presenter + " for " + age(flow, session) + ". One at a time — "
                    + (session.presenter().equals(request.caller().id()) ? "you" : presenter)
                    + " can close it with /session end.");
        }
        LiveSession session = flow.start(request.caller().id(), channel, title, threshold, questionsPerHour);
        Optional<String> linked = args.option("module")
                .map(module -> modules.link(request.work(), session.id(), request.caller().id(), module));
        Message started = flow.messagesFor(session).started(session);
        return Reply.of(linked.map(line -> started.withField("Module", line)).orElse(started));
    }

    /** {@code --questions 10/hour} (or just {@code 10}): questions one person may ask an hour. */
    static int perHour(String raw) {
        String number = raw.strip().toLowerCase(Locale.ROOT);
        number = number.endsWith("/hour") ? number.substring(0, number.length() - "/hour".length()).strip() : number;
        try {
            int value = Integer.parseInt(number);
            if (value >= 1 && value <= QuestionQuota.MAX_PER_HOUR) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw new UsageException("--questions takes how many questions one person may ask an hour, from 1 to "
                + QuestionQuota.MAX_PER_HOUR + ", like --questions 10/hour. /session pause stops questions for a while.");
    }

    /**
     * The running session the caller presents: the one in this channel, or their only one when typed elsewhere.
     * {@code sub} is the subcommand, {@code verb} what it does to the session ("end", "change").
     */
    static LiveSession presented(LiveSessionFlow flow, CommandRequest request, String sub, String verb) {
        PersonId caller = request.caller().id();
        if (request.channel().isPresent()) {
            LiveSession session = flow.store.runningIn(request.channel().get()).orElseThrow(() -> new UsageException(
                    "No live session is running in this channel, so there is nothing to " + verb + "."));
            if (!session.presenter().equals(caller)) {
                throw new UsageException("Only " + flow.people.nameOf(session.presenter()) + ", who presents *"
                        + session.title() + "*, can " + verb + " it.");
            }
            return session;
        }
        List<LiveSession> mine = flow.store.runningBy(caller);
        if (mine.isEmpty()) {
            throw new UsageException("You have no live session running, so there is nothing to " + verb + ".");
        }
        if (mine.size() > 1) {
            throw new UsageException("You're running " + mine.size() + " live sessions ("
                    + mine.stream().map(s -> "*" + s.title() + "*").collect(Collectors.joining(", "))
                    + "). Type /session " + sub + " in the channel of the one you mean.");
        }
        return mine.get(0);
    }

    /** One page of every standing question, oldest first, each with its number and a button to remove it. */
    static Reply questions(LiveSessionFlow flow, LiveSession session, int from) {
        List<Question> all = flow.store.standingQuestions(session.id());
        if (all.isEmpty()) {
            return Reply.of("No question is up in *" + session.title() + "*.");
        }
        ListPage<Question> page = ListPage.of(all, from, QUESTIONS_PER_PAGE);
        Message message = LiveSessionMessages.questionList(session, page);
        return Reply.of(page.withMore(message, LiveSessionMessages.QUESTIONS + ":" + session.id() + "-"));
    }

    private Reply remove(LiveSessionFlow flow, CommandRequest request, Args args) {
        if (args.size() != 1) {
            throw new UsageException("Say which question: /session remove <#>, with the number /session questions"
                    + " shows, like /session remove 12.");
        }
        LiveSession session = presented(flow, request, "remove", "change");
        long number;
        try {
            number = Long.parseLong(args.first().replace("#", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("\"" + args.first() + "\" is not a question number. /session questions lists them"
                    + " with their numbers, like #12; then /session remove 12.");
        }
        Question question = flow.store.question(number).filter(q -> q.sessionId() == session.id())
                .orElseThrow(() -> new UsageException("*" + session.title() + "* has no question #" + number
                        + ". /session questions lists those still up."));
        if (question.isRemoved()) {
            throw new UsageException("Question #" + number + " is already removed.");
        }
        flow.remove(session, question);
        return Reply.of("Removed question #" + number + " from the channel and from your board.");
    }

    static Reply pause(LiveSessionFlow flow, LiveSession session, boolean paused) {
        if (session.questionsPaused() == paused) {
            return Reply.of(paused ? "Questions are already paused in *" + session.title() + "*; /session resume"
                    + " allows them again." : "Questions are already open in *" + session.title() + "*.");
        }
        flow.pauseQuestions(session, paused);
        return Reply.of(paused ? "⏸ Questions are paused in *" + session.title() + "*: flags and votes go on."
                + " /session resume (or the board's button) opens them again."
                : "▶ Questions are open again in *" + session.title() + "*.");
    }

    private static List<String> valuesOf(Args args) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            values.add(args.get(i));
        }
        return values;
    }

    private static OptionalInt toOptionalInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static String age(LiveSessionFlow flow, LiveSession session) {
        return LiveSessionMessages.minutes(Duration.between(session.startedAt(), flow.now()));
    }

    private Reply status(LiveSessionFlow flow, CommandRequest request) {
        PersonId caller = request.caller().id();
        List<LiveSession> sessions;
        if (request.channel().isPresent()) {
            sessions = flow.store.runningIn(request.channel().get()).map(List::of).orElse(List.of());
            if (sessions.isEmpty()) {
                return Reply.of("No live session is running in this channel. /session start \"<title>\" opens one.");
            }
        } else {
            sessions = flow.store.runningBy(caller);
            if (sessions.isEmpty()) {
                return Reply.of("You're not presenting a live session. Type /session start \"<title>\" in the channel"
                        + " you present to.");
            }
        }
        List<Message> messages = new ArrayList<>();
        for (LiveSession session : sessions) {
            if (session.presenter().equals(caller)) {
                messages.add(flow.board(session, flow.store.countUp(session.id())));
            } else {
                // Only the presenter sees the counts: fewer eyes on them, less to correlate.
                messages.add(Message.text("🎤 *" + session.title() + "*, presented by "
                        + flow.people.nameOf(session.presenter()) + ", has been running for " + age(flow, session)
                        + ". Lost? Type /wait here — nobody, not even the presenter, sees who."));
            }
        }
        return new Reply(messages);
    }

    private Reply end(LiveSessionFlow flow, CommandRequest request) {
        LiveSession session = presented(flow, request, "end", "end");
        flow.end(session);
        modules.ended(request.work(), session.id());
        return Reply.of("Ended *" + session.title() + "*. Your summary is in your DMs.");
    }
}
