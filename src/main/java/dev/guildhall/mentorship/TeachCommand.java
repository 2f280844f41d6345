package dev.guildhall.mentorship;

import dev.guildhall.topic.Topics;
import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.NearMiss;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /teach}: offer to teach a topic, pause, resume, list or stop. */
final class TeachCommand {
    static final String USAGE = """
            /teach <topic> [--capacity N] — offer to teach a topic to up to N learners at a time (default 2)
            /teach <topic> --mentor-the-mentors — also advise first-time mentors of the topic when they ask
            /teach list — what you teach, who you've taught, and the thanks you got
            /teach board [topic] — who teaches what and has room; ask one of them to teach you
            /teach listing on|off — whether learners see you on /teach board
            /teach pause — take no new learners for now; /teach resume — take them again
            /teach stop <topic> — stop offering a topic (learners you have stay with you)
            Topics of several words go in quotes: /teach "machine learning\"""";
    private static final Set<String> SUBCOMMANDS = Set.of("list", "pause", "resume", "stop", "board", "listing", "help");

    private final Topics topics;
    private final MentorshipSettings settings;

    TeachCommand(Topics topics, MentorshipSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    CommandSpec spec() {
        return new CommandSpec("teach", "offer to teach a topic; pause, resume, list, stop", USAGE, this::handle);
    }

    private Reply handle(CommandRequest request) {
        Args args = request.args().withFlags(Set.of(MentorPlaybook.OPT_IN)).withOptions(Set.of("capacity"), USAGE);
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        PersonId caller = request.caller().id();
        boolean quoted = !args.isEmpty() && args.isQuoted(0);
        String subcommand = quoted ? "" : args.first();
        if (SUBCOMMANDS.contains(subcommand) && args.option("capacity").isPresent()) {
            throw new UsageException("--capacity goes with a topic: /teach kubernetes --capacity 3.");
        }
        return switch (subcommand) {
            case "list" -> list(flow, caller, args.shift());
            case "pause" -> pause(flow, caller, args.shift());
            case "resume" -> resume(flow, caller, args.shift());
            case "stop" -> stop(flow, caller, args.shift());
            case "board" -> board(flow, args.shift());
            case "listing" -> listing(flow, caller, args.shift());
            default -> offer(flow, caller, args, quoted);
        };
    }

    private Reply offer(MentorshipFlow flow, PersonId teacher, Args args, boolean quoted) {
        Optional<Integer> capacity = args.intOption("capacity", 1, settings.maxCapacity());
        if (args.isEmpty()) {
            throw new UsageException("What would you like to teach? Type /teach <topic>, like /teach kubernetes.\n" + USAGE);
        }
        if (args.size() > 1) {
            // Several unquoted words can't be one topic: perhaps a mistyped subcommand ("/teach stpo kubernetes").
            if (!quoted) {
                NearMiss.of(args.first(), SUBCOMMANDS).ifPresent(meant -> {
                    throw new UsageException("Did you mean /teach " + meant + " " + LearnCommand.abbreviate(
                            words(args, 1)) + "?");
                });
            }
            throw new UsageException("A topic of several words goes in quotes: /teach \"" + LearnCommand.abbreviate(
                    words(args, 0)) + "\"" + capacity.map(n -> " --capacity " + n).orElse("")
                    + ". One topic per /teach.");
        }
        String topic = topics.normalize(args.get(0));
        Optional<Offer> existing = flow.store.offer(teacher, topic);
        boolean paused = flow.store.activeOffersOf(teacher).stream().anyMatch(Offer::isPaused);
        String reply;
        String advising = args.flag(MentorPlaybook.OPT_IN) ? " " + MentorPlaybook.optIn(flow, teacher, topic) : "";
        if (existing.isPresent() && existing.get().isActive()) {
            Offer offer = existing.get();
            if (!advising.isEmpty() && capacity.isEmpty()) {
                return Reply.of(advising.strip());
            }
            if (capacity.isEmpty() || capacity.get() == offer.capacity()) {
                throw new UsageException("You already teach *" + topic + "* (up to " + offer.capacity()
                        + " learners at a time). To change that, type /teach " + topic + " --capacity N.");
            }
            int load = flow.store.load(teacher, topic);
            if (capacity.get() < load) {
                throw new UsageException("You have " + load + " learners (or proposals) in *" + topic + "* now, so"
                        + " --capacity can't go below " + load + ".");
            }
            flow.store.setCapacity(offer.id(), capacity.get());
            reply = "Done — you now teach *" + topic + "* to up to " + capacity.get() + " learners at a time.";
        } else {
            int places = capacity.orElse(settings.defaultCapacity());
            Offers.offer(flow, teacher, topic, places, null);
            reply = "🙌 You now teach *" + topic + "*, up to " + places + " learner" + (places == 1 ? "" : "s")
                    + " at a time. I'll DM you when someone wants to learn it.";
        }
        reply += advising;
        TeacherBoard board = new TeacherBoard(flow);
        if (paused) {
            flow.store.setPaused(teacher, flow.now());
            return board.withListingQuestion(teacher,
                    Reply.of(reply + " Your teaching is paused, though: /teach resume when you're ready."));
        }
        int proposed = flow.matchWaiting(topic);
        return board.withListingQuestion(teacher, Reply.of(reply + waitingNote(proposed)));
    }

    /** The words from {@code from} on, without the options taken out of them. */
    private static String words(Args args, int from) {
        return String.join(" ", java.util.stream.IntStream.range(from, args.size()).mapToObj(args::get).toList());
    }

    static String waitingNote(int proposed) {
        if (proposed == 0) {
            return "";
        }
        return " " + proposed + (proposed == 1 ? " person was" : " people were") + " already waiting — check your DMs.";
    }

    private Reply list(MentorshipFlow flow, PersonId teacher, Args args) {
        requireNothingAfter(args, "list");
        List<Offer> offers = flow.store.activeOffersOf(teacher);
        if (offers.isEmpty()) {
            return Reply.of("You don't teach anything yet. /teach <topic> offers a topic, like /teach kubernetes.");
        }
        Message message = Message.text(offers.get(0).isPaused() ? "🧑‍🏫 What you teach (paused: /teach resume)"
                : "🧑‍🏫 What you teach");
        for (Offer offer : offers) {
            message = message.withField(offer.topic(), flow.store.load(teacher, offer.topic()) + " of "
                    + offer.capacity() + " places taken");
        }
        return Reply.of(new Lineages(flow).addTo(message, teacher));
    }

    private Reply board(MentorshipFlow flow, Args args) {
        if (args.size() > 1) {
            throw new UsageException("/teach board takes at most one topic, like /teach board kafka.");
        }
        return new TeacherBoard(flow).board(args.isEmpty() ? Optional.empty()
                : Optional.of(topics.normalize(args.get(0))));
    }

    private Reply listing(MentorshipFlow flow, PersonId teacher, Args args) {
        boolean on = switch (args.size() == 1 ? args.first() : "") {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException("Type /teach listing on to be listed on /teach board, or /teach"
                    + " listing off to leave it.");
        };
        new FollowThroughStore(flow.work.handle()).answerListing(teacher, on, flow.now());
        return Reply.of(on ? "📇 You're listed on /teach board whenever you have room."
                : "You're off /teach board. Learners still find you through /learn.");
    }

    private Reply pause(MentorshipFlow flow, PersonId teacher, Args args) {
        requireNothingAfter(args, "pause");
        requireSomeOffer(flow, teacher);
        if (flow.store.setPaused(teacher, flow.now()) == 0) {
            if (new FollowThroughStore(flow.work.handle()).keepPausedUntilResumed(teacher) > 0) {
                return Reply.of("⏸ Paused until you type /teach resume (no longer just for a while).");
            }
            throw new UsageException("Your teaching is already paused. /teach resume takes learners again.");
        }
        return Reply.of("⏸ Paused: no new learners until you type /teach resume. Learners you have stay with you.");
    }

    private Reply resume(MentorshipFlow flow, PersonId teacher, Args args) {
        requireNothingAfter(args, "resume");
        requireSomeOffer(flow, teacher);
        return resume(flow, teacher);
    }

    static Reply resume(MentorshipFlow flow, PersonId teacher) {
        int proposed = new TeacherPauses(flow, flow.work).resume(teacher);
        if (proposed < 0) {
            throw new UsageException("Your teaching isn't paused. /teach list shows what you teach.");
        }
        return Reply.of("▶️ Welcome back: you take new learners again." + waitingNote(proposed));
    }

    private Reply stop(MentorshipFlow flow, PersonId teacher, Args args) {
        if (args.size() != 1) {
            throw new UsageException("Which topic? Type /teach stop <topic>, like /teach stop kubernetes.");
        }
        String topic = topics.normalize(args.get(0));
        Offer offer = flow.store.offer(teacher, topic).filter(Offer::isActive).orElseThrow(() -> new UsageException(
                "You don't teach *" + topic + "*. /teach list shows what you do."));
        flow.store.stopOffer(offer.id(), flow.now());
        List<Match> pending = new FollowThroughStore(flow.work.handle()).pendingProposals(teacher, topic);
        flow.withdrawAll(pending);
        return Reply.of("Stopped offering *" + topic + "*. Learners you already have stay with you; thank you!"
                + (pending.isEmpty() ? "" : " I withdrew " + pending.size() + " proposal" + (pending.size() == 1 ? ""
                : "s") + " still waiting for your answer and looked for other teachers."));
    }

    private static List<Offer> requireSomeOffer(MentorshipFlow flow, PersonId teacher) {
        List<Offer> offers = flow.store.activeOffersOf(teacher);
        if (offers.isEmpty()) {
            throw new UsageException("You don't teach anything yet. Start with /teach <topic>, like /teach kubernetes.");
        }
        return offers;
    }

    private static void requireNothingAfter(Args args, String subcommand) {
        if (!args.isEmpty()) {
            throw new UsageException("/teach " + subcommand + " takes nothing after it.");
        }
    }
}
