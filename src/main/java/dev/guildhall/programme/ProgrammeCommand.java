package dev.guildhall.programme;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.mentorship.api.MentorRequests;
import dev.guildhall.programme.ProgrammeStore.Cohort;
import dev.guildhall.programme.ProgrammeStore.Programme;
import dev.guildhall.programme.ProgrammeStore.ProgrammeModule;
import dev.guildhall.time.Times;
import dev.guildhall.time.UnreadableTime;
import dev.guildhall.time.When;
import dev.guildhall.topic.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /programme}: a guild's leads build training programmes from its syllabus and run them with cohorts. */
final class ProgrammeCommand {
    static final String USAGE = """
            /programme create <slug> --guild <guild> "<title>" — leads: a programme of the guild's syllabus modules
            /programme module add <slug> "<module>" [--topic <topic>] — leads: add a module, in order (--topic: what \
            mentors for it teach, if not its name)
            /programme cohort <slug> start "<YYYY-MM-DD>" [#channel] — leads: start a cohort; each module gets a \
            presenter from its owners and a time (module n on the start date + n−1 days, 09:00 in your zone)
            /programme slot <slug> "<module>" "<time>" — leads: move a module of the newest cohort; reminders go 24 h and 1 h before to its presenter and the cohort
            /programme join <slug> — join the programme's newest cohort; /programme add <slug> @person… — leads add people
            /programme me — your map: the modules, the checks you passed, your open gaps and what is being done about them
            /programme insights <slug> — completion and first-try pass rates (finishers' names for leads only)""";
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Set<String> SUBCOMMANDS = Set.of("create", "module", "cohort", "slot", "join", "add",
            "me", "insights");
    private static final int MAX_TITLE = 80;

    private final Syllabus syllabus;
    private final MentorRequests mentors;
    private final Topics topics;

    ProgrammeCommand(Syllabus syllabus, MentorRequests mentors, Topics topics) {
        this.syllabus = syllabus;
        this.mentors = mentors;
        this.topics = topics;
    }

    CommandSpec spec() {
        return new CommandSpec("programme", "training programmes: cohorts, module checks, your own map", USAGE,
                this::handle);
    }

    private Reply handle(CommandRequest request) {
        Args args = request.args().withOptions(Set.of("guild", "topic"), USAGE);
        String sub = Modules.subcommand("programme", args, SUBCOMMANDS, USAGE);
        if (!sub.equals("create") && args.option("guild").isPresent()
                || !sub.equals("module") && args.option("topic").isPresent()) {
            throw new UsageException("--guild goes with /programme create, --topic with /programme module add. "
                    + USAGE);
        }
        CheckFlow flow = new CheckFlow(request.work(), syllabus, mentors);
        PersonId caller = request.caller().id();
        Args rest = args.shift();
        return switch (sub) {
            case "create" -> create(flow, caller, rest, args.option("guild"));
            case "module" -> module(flow, caller, rest, args.option("topic"));
            case "cohort" -> cohort(flow, caller, rest);
            case "slot" -> slot(flow, caller, rest);
            case "join" -> join(flow, caller, rest);
            case "add" -> add(flow, caller, rest);
            case "me" -> {
                if (!rest.isEmpty()) {
                    throw new UsageException("/programme me takes nothing after it.");
                }
                yield new Reply(ProgrammeMap.of(flow, caller, true));
            }
            default -> Reply.of(ProgrammeInsights.of(flow, programme(flow, one(rest, "insights")), caller));
        };
    }

    private Reply create(CheckFlow flow, PersonId caller, Args rest, Optional<String> guildSlug) {
        if (rest.size() != 2 || guildSlug.isEmpty()) {
            throw new UsageException("Like /programme create k8s-101 --guild k8s \"Kubernetes in three days\".");
        }
        String slug = rest.get(0).toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches() || slug.equals("help")) {
            throw new UsageException("\"" + rest.get(0) + "\" can't be a programme's short name: use 2–32 lower-case"
                    + " letters, digits or hyphens, starting with a letter, like k8s-101.");
        }
        Guild guild = syllabus.guild(flow.work, guildSlug.get()).orElseThrow(() -> new UsageException(
                "There is no guild called \"" + guildSlug.get() + "\". /guild list shows the guilds there are."));
        requireLead(flow, guild.id(), guild.title(), caller, "create its programmes");
        String title = rest.get(1).strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new UsageException("A programme's title has 1 to " + MAX_TITLE + " characters.");
        }
        if (flow.store.programme(slug).isPresent()) {
            throw new UsageException("There already is a programme called " + slug + ". Pick another short name.");
        }
        flow.store.insertProgramme(slug, guild.id(), title, caller, flow.now());
        return Reply.of("🎓 Created *" + title + "* (" + slug + ") for " + guild.title() + ". Add its modules in"
                + " order: /programme module add " + slug + " \"<module>\".");
    }

    private Reply module(CheckFlow flow, PersonId caller, Args rest, Optional<String> topic) {
        if (rest.size() != 3 || !rest.first().equals("add")) {
            throw new UsageException("Like /programme module add k8s-101 \"Pods and Deployments\".");
        }
        Programme programme = programme(flow, rest.get(1));
        requireLead(flow, programme.guildId(), "*" + programme.title() + "*", caller, "change it");
        String name = rest.get(2);
        Syllabus.Module module = syllabus.modules(flow.work, programme.guildId()).stream()
                .filter(m -> syllabus.named(flow.work, name).contains(m)).findFirst()
                .orElseThrow(() -> new UsageException("The guild's syllabus has no module called \"" + name + "\"."
                        + " A lead adds it with /guild module add <guild> \"" + name + "\"; /guild modules <guild>"
                        + " lists those there are."));
        List<ProgrammeModule> modules = flow.store.modules(programme.id());
        if (modules.stream().anyMatch(m -> m.moduleId() == module.id())) {
            throw new UsageException("*" + module.name() + "* is already in *" + programme.title() + "*.");
        }
        String mentoring = topic.map(topics::normalize).orElse(module.topic());
        flow.store.addModule(programme.id(), module.id(), mentoring);
        String owners = module.owners().size() <= 1 ? " ⚠️ " + (module.owners().isEmpty() ? "It has no owner yet"
                : "Only one person owns it") + " — a bus-factor risk: /guild modules shows who could co-own it." : "";
        return Reply.of("📚 Module " + (modules.size() + 1) + " of *" + programme.title() + "*: *" + module.name()
                + "* (mentors for it teach *" + mentoring + "*)." + owners);
    }

    private Reply slot(CheckFlow flow, PersonId caller, Args rest) {
        if (rest.size() != 3) {
            throw new UsageException("Like /programme slot k8s-101 \"Pods\" \"2026-12-08 14:00\".");
        }
        Programme programme = programme(flow, rest.get(0));
        requireLead(flow, programme.guildId(), "*" + programme.title() + "*", caller, "move its slots");
        Cohort cohort = flow.store.latestCohort(programme.id()).orElseThrow(() -> new UsageException(
                "*" + programme.title() + "* has no cohort yet. /programme cohort " + programme.slug()
                        + " start \"<YYYY-MM-DD>\" starts one."));
        String name = rest.get(1);
        ProgrammeStore.SlotTime slot = flow.store.modules(programme.id()).stream()
                .map(entry -> flow.module(entry.moduleId()))
                .filter(module -> syllabus.named(flow.work, name).contains(module))
                .findFirst()
                .flatMap(module -> flow.store.slotTime(cohort.id(), module.id()))
                .orElseThrow(() -> new UsageException("*" + programme.title() + "* has no module called \"" + name
                        + "\" with a time in its newest cohort."));
        ZoneId zone = flow.people.zoneOf(caller).orElse(ZoneId.of("UTC"));
        When when;
        try {
            when = Times.read(rest.get(2), Optional.of(zone), flow.now());
        } catch (UnreadableTime e) {
            throw new UsageException(e.getMessage());
        }
        if (when.recurrence().isPresent()) {
            throw new UsageException("A slot happens once: give one time, like \"2026-12-08 14:00\".");
        }
        if (!when.first().isAfter(flow.now())) {
            throw new UsageException("\"" + rest.get(2) + "\" is already past. Pick a time ahead.");
        }
        flow.store.moveSlotTime(slot.id(), when.first());
        for (SlotReminders.Reminder reminder : SlotReminders.Reminder.values()) {
            flow.tasks.cancel(reminder.kind, slot.id());
        }
        SlotReminders.schedule(flow.tasks, slot.id(), when.first(), flow.now());
        return Reply.of("🗓 *" + flow.module(slot.moduleId()).name() + "* for the cohort starting " + cohort.startsOn()
                + " is now " + SlotReminders.when(when.first(), zone) + ". Its presenter and the cohort get"
                + " reminders 24 h and 1 h before.");
    }

    private Reply cohort(CheckFlow flow, PersonId caller, Args rest) {
        if (rest.size() < 3 || rest.size() > 4 || !rest.get(1).equalsIgnoreCase("start")) {
            throw new UsageException("Like /programme cohort k8s-101 start \"2026-12-07\" #k8s-cohort.");
        }
        Programme programme = programme(flow, rest.get(0));
        requireLead(flow, programme.guildId(), "*" + programme.title() + "*", caller, "start its cohorts");
        LocalDate startsOn;
        try {
            startsOn = LocalDate.parse(rest.get(2).strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("\"" + rest.get(2) + "\" isn't a date I can read. Write it like \"2026-12-07\".");
        }
        ChannelId channel = null;
        if (rest.size() == 4) {
            channel = Mentions.channel(caller, rest.get(3)).orElseThrow(() -> new UsageException(
                    "\"" + rest.get(3) + "\" isn't a channel I can recognise. Pick it as you type #."));
        }
        List<ProgrammeModule> modules = flow.store.modules(programme.id());
        if (modules.isEmpty()) {
            throw new UsageException("*" + programme.title() + "* has no modules yet. /programme module add "
                    + programme.slug() + " \"<module>\" adds the first.");
        }
        ZoneId leadZone = flow.people.zoneOf(caller).orElse(ZoneId.of("UTC"));
        long cohortId = flow.store.insertCohort(programme.id(), startsOn, channel, caller, flow.now());
        Message reply = Message.text("🚀 A cohort of *" + programme.title() + "* starts on " + startsOn + ". People"
                + " join with /programme join " + programme.slug() + ".");
        for (ProgrammeModule entry : modules) {
            Syllabus.Module module = flow.module(entry.moduleId());
            Optional<PersonId> presenter = module.owners().stream()
                    .min(Comparator.comparingInt(flow.store::slotsPresentedBy));
            flow.store.setSlot(cohortId, module.id(), presenter.orElse(null));
            Instant startsAt = SlotReminders.defaultStart(startsOn, entry.position(), leadZone);
            SlotReminders.schedule(flow.tasks, flow.store.insertSlotTime(cohortId, module.id(), startsAt), startsAt,
                    flow.now());
            String value = presenter.map(p -> "presented by " + flow.people.nameOf(p)).orElse("no presenter: no owner")
                    + (module.owners().size() <= 1 ? " · ⚠️ bus-factor risk" : "");
            reply = reply.withField(entry.position() + ". " + module.name(), value);
            presenter.filter(p -> !p.equals(caller)).ifPresent(p -> flow.outbox.sendDirect(p, Message.text(
                    "🎤 You present *" + module.name() + "* for the cohort of *" + programme.title() + "* starting "
                            + startsOn + ". Run it as a live session with /session start \"" + module.name()
                            + "\" --module \"" + module.name() + "\": its check goes out when the session ends.")));
        }
        return Reply.of(reply);
    }

    private Reply join(CheckFlow flow, PersonId caller, Args rest) {
        Programme programme = programme(flow, one(rest, "join"));
        Cohort cohort = cohortOf(flow, programme);
        if (!flow.store.join(cohort.id(), caller, flow.now())) {
            throw new UsageException("You're already in the cohort of *" + programme.title() + "* starting "
                    + cohort.startsOn() + ". /programme me shows your map.");
        }
        return Reply.of("🎓 You're in the cohort of *" + programme.title() + "* starting " + cohort.startsOn()
                + ". After each module you get a short check by DM — only you see your answers.");
    }

    private Reply add(CheckFlow flow, PersonId caller, Args rest) {
        if (rest.size() < 2) {
            throw new UsageException("Like /programme add k8s-101 @bob @carol.");
        }
        Programme programme = programme(flow, rest.get(0));
        requireLead(flow, programme.guildId(), "*" + programme.title() + "*", caller, "add people to its cohort");
        Cohort cohort = cohortOf(flow, programme);
        List<Person> people = new ArrayList<>();
        for (int i = 1; i < rest.size(); i++) {
            String written = rest.get(i);
            Mentions.Mention mention = Mentions.person(caller, written).orElseThrow(() -> new UsageException(
                    "\"" + written + "\" isn't a person I can recognise. Mention them with @, like @bob."));
            people.add(flow.people.resolve(mention).orElseThrow(() -> new UsageException("I don't know "
                    + mention.shown() + " yet — ask them to say hi to Guildhall first (any command will do).")));
        }
        List<String> added = new ArrayList<>();
        for (Person person : people) {
            if (flow.store.join(cohort.id(), person.id(), flow.now())) {
                added.add(person.displayName());
                flow.outbox.sendDirect(person.id(), Message.text("🎓 " + flow.people.nameOf(caller) + " added you to"
                        + " the cohort of *" + programme.title() + "* starting " + cohort.startsOn() + ". After each"
                        + " module you get a short check by DM — only you see your answers."));
            }
        }
        return Reply.of(added.isEmpty() ? "They're all in the cohort already."
                : "🎓 Added " + String.join(", ", added) + " to the cohort starting " + cohort.startsOn() + ".");
    }

    private static Cohort cohortOf(CheckFlow flow, Programme programme) {
        return flow.store.latestCohort(programme.id()).orElseThrow(() -> new UsageException("*" + programme.title()
                + "* has no cohort yet. A lead starts one with /programme cohort " + programme.slug()
                + " start \"<YYYY-MM-DD>\"."));
    }

    static Programme programme(CheckFlow flow, String slug) {
        return flow.store.programme(slug.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new UsageException(
                "There is no programme called \"" + slug + "\". /programme me shows the ones you're in."));
    }

    private void requireLead(CheckFlow flow, long guildId, String title, PersonId caller, String what) {
        if (!syllabus.isLead(flow.work, guildId, caller)) {
            throw new UsageException("Only the guild's leads can " + what + " (" + title + ").");
        }
    }

    private static String one(Args rest, String sub) {
        if (rest.size() != 1) {
            throw new UsageException("Which programme? /programme " + sub + " <slug>, like /programme " + sub
                    + " k8s-101.");
        }
        return rest.get(0);
    }
}
