package dev.guildhall.programme;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.mentorship.api.MentorRequests;
import dev.guildhall.programme.ProgrammeStore.Question;
import dev.guildhall.programme.ProgrammeStore.Tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code /check}: a module's owners write its knowledge check, send it, and read how it went — in counts only. */
final class CheckCommand {
    static final String USAGE = """
            /check add "<module>" "<question>" "<right answer>" "<wrong>" ["<wrong>"…] [--explain "<text or link>"] \
            — owners: add a question (2 to 6 options; they are shown shuffled)
            /check objective "<module>" "<objective>" — owners: something people rate themselves on after the check
            /check list "<module>" — owners and leads: the questions with their answers
            /check remove "<module>" <number> — owners: remove a question
            /check send "<module>" — owners and leads: send the check to everyone in the module's cohorts now \
            (it also goes out by itself when a session started with --module ends)
            /check results "<module>" — owners and leads: how many missed each question (once 3 answered; never who)
            Add --guild <slug> when several guilds have a module of that name.""";
    static final int MAX_OPTIONS = 6;
    static final int MAX_QUESTION = 500;
    static final int MAX_OPTION = 300;
    static final int MIN_ANSWERED = 3;
    private static final Set<String> SUBCOMMANDS = Set.of("add", "objective", "list", "remove", "send", "results");

    private final Syllabus syllabus;
    private final MentorRequests mentors;

    CheckCommand(Syllabus syllabus, MentorRequests mentors) {
        this.syllabus = syllabus;
        this.mentors = mentors;
    }

    CommandSpec spec() {
        return new CommandSpec("check", "knowledge checks after a module: write, send, see what didn't land",
                USAGE, this::handle);
    }

    private Reply handle(CommandRequest request) {
        Args args = request.args().withOptions(Set.of("explain", "guild"), USAGE);
        String sub = Modules.subcommand("check", args, SUBCOMMANDS, USAGE);
        Args rest = args.shift();
        if (rest.isEmpty()) {
            throw new UsageException("Which module? Put its name in quotes, like /check " + sub + " \"Operators\".");
        }
        if (!sub.equals("add") && args.option("explain").isPresent()) {
            throw new UsageException("--explain goes with /check add.");
        }
        CheckFlow flow = new CheckFlow(request.work(), syllabus, mentors);
        Syllabus.Module module = Modules.named(syllabus, request.work(), rest.get(0), args.option("guild"));
        PersonId caller = request.caller().id();
        return switch (sub) {
            case "add" -> add(flow, module, caller, rest.shift(), args.option("explain").orElse(null));
            case "objective" -> objective(flow, module, caller, rest.shift());
            case "list" -> list(flow, module, caller, rest.shift());
            case "remove" -> remove(flow, module, caller, rest.shift());
            case "send" -> send(flow, module, caller, rest.shift());
            default -> results(flow, module, caller, rest.shift());
        };
    }

    private Reply add(CheckFlow flow, Syllabus.Module module, PersonId caller, Args rest, String explain) {
        Modules.requireOwner(module, caller, "add questions to its check");
        if (rest.size() < 3) {
            throw new UsageException("A question needs its text, the right answer and at least one wrong answer, each"
                    + " in quotes: /check add \"" + module.name() + "\" \"What does a Service do?\" \"Routes traffic"
                    + " to pods\" \"Stores secrets\". Nothing was added.");
        }
        String question = rest.get(0).strip();
        List<String> options = new ArrayList<>();
        for (int i = 1; i < rest.size(); i++) {
            options.add(rest.get(i).strip());
        }
        if (options.size() > MAX_OPTIONS) {
            throw new UsageException("A question has at most " + MAX_OPTIONS + " options (A to F); that had "
                    + options.size() + ". Nothing was added.");
        }
        if (question.isEmpty() || question.length() > MAX_QUESTION) {
            throw new UsageException("A question has 1 to " + MAX_QUESTION + " characters. Nothing was added.");
        }
        for (String option : options) {
            if (option.isEmpty() || option.length() > MAX_OPTION) {
                throw new UsageException("Each answer has 1 to " + MAX_OPTION + " characters. Nothing was added.");
            }
        }
        if (options.stream().map(String::toLowerCase).distinct().count() < options.size()) {
            throw new UsageException("Two of the answers are the same; each option must differ. Nothing was added.");
        }
        if (explain != null && explain.length() > MAX_QUESTION) {
            throw new UsageException("Keep --explain under " + MAX_QUESTION + " characters, or give a link."
                    + " Nothing was added.");
        }
        flow.store.insertQuestion(module.id(), question, options.get(0), options.subList(1, options.size()),
                explain == null || explain.isBlank() ? null : explain.strip(), caller, flow.now());
        int count = flow.store.questions(module.id()).size();
        return Reply.of("📝 Added question " + count + " to the *" + module.name() + "* check (" + options.size()
                + " options, shown shuffled with buttons A–" + CheckFlow.letter(options.size() - 1) + ").");
    }

    private Reply objective(CheckFlow flow, Syllabus.Module module, PersonId caller, Args rest) {
        Modules.requireOwner(module, caller, "add objectives to its check");
        if (rest.size() != 1 || rest.get(0).isBlank() || rest.get(0).length() > MAX_OPTION) {
            throw new UsageException("One objective in quotes, up to " + MAX_OPTION + " characters: /check objective \""
                    + module.name() + "\" \"Explain when to use a Deployment\".");
        }
        flow.store.insertObjective(module.id(), rest.get(0).strip(), caller, flow.now());
        return Reply.of("🎯 After the questions, people will rate themselves on: " + rest.get(0).strip()
                + " (" + String.join(" · ", List.of(CheckFlow.RATINGS[2], CheckFlow.RATINGS[1], CheckFlow.RATINGS[0]))
                + ").");
    }

    private Reply list(CheckFlow flow, Syllabus.Module module, PersonId caller, Args rest) {
        nothingAfter(rest, "list");
        Modules.requireOwnerOrLead(syllabus, flow.work, module, caller, "see its questions and answers");
        List<Question> questions = flow.store.questions(module.id());
        if (questions.isEmpty()) {
            return Reply.of("*" + module.name() + "* has no check yet. /check add \"" + module.name()
                    + "\" \"<question>\" \"<right answer>\" \"<wrong>\" adds a question.");
        }
        Message message = Message.text("📝 The *" + module.name() + "* check");
        int n = 1;
        for (Question question : questions) {
            message = message.withField(n++ + ". " + question.text(), "✓ " + question.rightAnswer() + " · ✗ "
                    + String.join(" · ✗ ", question.wrong()) + (question.explain() == null ? "" : "\n" + question.explain()));
        }
        return Reply.of(message.withContext("/check remove \"" + module.name() + "\" <number> removes one."));
    }

    private Reply remove(CheckFlow flow, Syllabus.Module module, PersonId caller, Args rest) {
        Modules.requireOwner(module, caller, "remove questions from its check");
        List<Question> questions = flow.store.questions(module.id());
        int number;
        try {
            number = rest.size() == 1 ? Integer.parseInt(rest.get(0).replace("#", "")) : -1;
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > questions.size()) {
            throw new UsageException("Which question? /check list \"" + module.name() + "\" shows them numbered"
                    + (questions.isEmpty() ? " (there are none yet)" : " 1 to " + questions.size()) + "; then /check"
                    + " remove \"" + module.name() + "\" 2.");
        }
        Question question = questions.get(number - 1);
        flow.store.removeQuestion(question.id(), flow.now());
        return Reply.of("Removed question " + number + " (\"" + question.text() + "\") from the *" + module.name()
                + "* check. Answers already given stay counted.");
    }

    private Reply send(CheckFlow flow, Syllabus.Module module, PersonId caller, Args rest) {
        nothingAfter(rest, "send");
        Modules.requireOwnerOrLead(syllabus, flow.work, module, caller, "send its check");
        if (flow.store.questions(module.id()).isEmpty()) {
            throw new UsageException("*" + module.name() + "* has no questions yet. /check add \"" + module.name()
                    + "\" \"<question>\" \"<right answer>\" \"<wrong>\" adds one.");
        }
        int sent = flow.send(module);
        if (sent == 0) {
            throw new UsageException("Nobody is waiting for the *" + module.name() + "* check: everyone in its cohorts"
                    + " has had it, or no cohort of a programme with this module has people yet.");
        }
        return Reply.of("📨 Sent the *" + module.name() + "* check to " + sent + (sent == 1 ? " person" : " people")
                + " by DM. /check results \"" + module.name() + "\" shows how it goes once " + MIN_ANSWERED
                + " have answered — never who.");
    }

    private Reply results(CheckFlow flow, Syllabus.Module module, PersonId caller, Args rest) {
        nothingAfter(rest, "results");
        Modules.requireOwnerOrLead(syllabus, flow.work, module, caller, "see its results");
        return Reply.of(ownerView(flow.store, module));
    }

    /** Counts only, per question, once at least {@link #MIN_ANSWERED} answered; never a person. */
    static Message ownerView(ProgrammeStore store, Syllabus.Module module) {
        List<Question> questions = store.questions(module.id());
        Message message = Message.text("📊 *" + module.name() + "* — how the check landed (first tries)");
        List<Tally> tallies = store.tallies(module.id());
        int flagged = 0;
        for (int i = 0; i < questions.size(); i++) {
            Tally tally = tallies.get(i);
            String value;
            if (tally.answered() < MIN_ANSWERED) {
                value = tally.answered() == 0 ? "nobody answered yet"
                        : "fewer than " + MIN_ANSWERED + " answered — counts show from " + MIN_ANSWERED;
            } else {
                boolean most = tally.missed() * 2 > tally.answered();
                flagged += most ? 1 : 0;
                value = "missed by " + tally.missed() + " of " + tally.answered() + (most
                        ? " · ⚠️ most people miss this: the module, not the people, needs work here" : "");
            }
            message = message.withField((i + 1) + ". " + questions.get(i).text(), value);
        }
        for (ProgrammeStore.Objective objective : store.objectives(module.id())) {
            int[] ratings = store.ratings(objective.id());
            int total = ratings[0] + ratings[1] + ratings[2];
            message = message.withField("🎯 " + objective.text(), total < MIN_ANSWERED
                    ? "fewer than " + MIN_ANSWERED + " rated it yet"
                    : ratings[2] + " could explain it · " + ratings[1] + " mostly · " + ratings[0] + " not yet");
        }
        List<String> asked = store.anonymousQuestions(module.id());
        if (!asked.isEmpty()) {
            message = message.withField("❓ Anonymous questions (" + asked.size() + ")", "• "
                    + String.join("\n• ", asked));
        }
        return message.withContext("Counts only, never who. " + (flagged == 0 ? "No question is missed by most."
                : flagged + " question" + (flagged == 1 ? " is" : "s are") + " missed by most: worth another look."));
    }

    private static void nothingAfter(Args rest, String sub) {
        if (!rest.isEmpty()) {
            throw new UsageException("/check " + sub + " takes the module's name only, in quotes, like /check " + sub
                    + " \"Operators\".");
        }
    }
}
