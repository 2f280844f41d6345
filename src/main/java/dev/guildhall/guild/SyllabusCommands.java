package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.topic.Topics;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The guild's syllabus: modules, and who owns (can teach, keeps up to date) each one. A module with one owner or
 * none is a bus-factor risk; people who already {@code /teach} its topic are suggested as co-owners.
 */
final class SyllabusCommands {
    static final String MODULE = "/guild module add <slug> \"<module>\" — add a module to a guild's syllabus\n"
            + "/guild module own <slug> \"<module>\" — become one of a module's owners\n"
            + "/guild module disown <slug> \"<module>\" — stop owning a module (its other owners or the leads are told)\n"
            + "/guild module remove <slug> \"<module>\" — leads only: take a module off the syllabus";
    static final String MODULES = "/guild modules <slug> — the syllabus, with owners and bus-factor risks";
    private static final int MAX_NAME = 80;
    private static final int SUGGESTED = 3;

    private final Topics topics;

    SyllabusCommands(Topics topics) {
        this.topics = topics;
    }

    List<Subcommand> all() {
        return List.of(
                new Subcommand("module", MODULE, this::module),
                new Subcommand("modules", MODULES, this::modules));
    }

    private Reply module(GuildFlow flow, CommandRequest request, Args args) {
        String action = args.isEmpty() || args.isQuoted(0) ? "" : args.first();
        if (!List.of("add", "own", "disown", "remove").contains(action)) {
            throw new UsageException("Add a module or own one: " + MODULE.replace("\n", "; "));
        }
        if (args.size() < 3) {
            throw new UsageException("Which guild, and which module? Like /guild module " + action
                    + " k8s \"Operators\".");
        }
        Guild guild = flow.guild(args.get(1));
        PersonId caller = request.caller().id();
        flow.requireMember(guild, caller);
        String name = (args.size() == 3 ? args.get(2) : args.restFrom(2)).strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new UsageException("A module's name has 1 to " + MAX_NAME + " characters, like \"Operators\".");
        }
        String topic = topicOf(name);
        SyllabusStore syllabus = new SyllabusStore(flow.work.handle());
        if (action.equals("add")) {
            syllabus.byTopic(guild.id(), topic).ifPresent(existing -> {
                throw new UsageException(guild.title() + " already has *" + existing.name() + "*. /guild module own "
                        + guild.slug() + " \"" + existing.name() + "\" makes you one of its owners.");
            });
            long id = syllabus.insert(guild.id(), name, topic, caller, flow.now());
            return Reply.of(Message.text("📚 Added *" + name + "* to " + guild.title() + "'s syllabus (module #" + id
                            + "). It has no owner yet.")
                    .withContext("/guild module own " + guild.slug() + " \"" + name + "\" if you can teach it;"
                            + " /guild modules " + guild.slug() + " shows who else could."));
        }
        SyllabusStore.Module module = syllabus.byTopic(guild.id(), topic).orElseThrow(() -> new UsageException(
                guild.title() + " has no module called \"" + name + "\". /guild modules " + guild.slug()
                        + " lists them; /guild module add " + guild.slug() + " \"" + name + "\" adds it."));
        if (action.equals("disown")) {
            return disown(flow, guild, module, caller);
        }
        if (action.equals("remove")) {
            return remove(flow, guild, module, caller);
        }
        if (module.ownerIds().contains(caller)) {
            throw new UsageException("You already own *" + module.name() + "*.");
        }
        syllabus.addOwner(module.id(), caller, flow.now());
        int owners = module.ownerIds().size() + 1;
        return Reply.of("📚 You now own *" + module.name() + "* in " + guild.title() + (owners == 1
                ? ". You're its only owner so far — /guild modules " + guild.slug() + " suggests co-owners."
                : ", with " + (owners - 1) + " other" + (owners == 2 ? "" : "s") + ". Thank you!"));
    }

    private static Reply disown(GuildFlow flow, Guild guild, SyllabusStore.Module module, PersonId caller) {
        if (!module.ownerIds().contains(caller)) {
            throw new UsageException("You don't own *" + module.name() + "*, so there's nothing to disown. /guild modules "
                    + guild.slug() + " shows who does.");
        }
        String left = dropOwner(flow, guild, module, caller, "stepped back from it");
        return Reply.of("📚 You no longer own *" + module.name() + "* in " + guild.title() + ". " + left);
    }

    private static Reply remove(GuildFlow flow, Guild guild, SyllabusStore.Module module, PersonId caller) {
        flow.requireLead(guild, caller, "remove modules");
        SyllabusStore syllabus = new SyllabusStore(flow.work.handle());
        String lead = flow.people.nameOf(caller);
        for (PersonId owner : module.ownerIds()) {
            if (!owner.equals(caller)) {
                flow.outbox.sendDirect(owner, Message.text("📚 " + lead + " took *" + module.name() + "* off the"
                        + " syllabus of " + guild.title() + ", so you no longer own it. Thank you for looking after"
                        + " it!"));
            }
        }
        syllabus.delete(module.id());
        return Reply.of("📚 Removed *" + module.name() + "* from " + guild.title() + "'s syllabus" + (module.ownerIds()
                .isEmpty() ? "." : module.ownerIds().size() == 1 ? "; its owner is told."
                : "; its " + owners(module.ownerIds().size()) + " are told."));
    }

    /** Someone who left the guild stops owning its modules; who is left with each module hears it first. */
    static List<String> ownerLeft(GuildFlow flow, Guild guild, PersonId person) {
        SyllabusStore syllabus = new SyllabusStore(flow.work.handle());
        List<SyllabusStore.Module> owned = syllabus.modules(guild.id()).stream()
                .filter(module -> module.ownerIds().contains(person)).toList();
        owned.forEach(module -> dropOwner(flow, guild, module, person, "left the guild"));
        return owned.isEmpty() ? List.of() : List.of("You no longer own " + owned.stream()
                .map(module -> "*" + module.name() + "*").collect(Collectors.joining(", "))
                + "; the other owners or the leads are told.");
    }

    /**
     * Takes the owner off the module and tells its other owners, or the leads when nobody else owns it.
     *
     * @return what the module is left with, for the reply
     */
    private static String dropOwner(GuildFlow flow, Guild guild, SyllabusStore.Module module, PersonId owner,
                                    String why) {
        new SyllabusStore(flow.work.handle()).removeOwner(module.id(), owner);
        List<PersonId> others = module.ownerIds().stream().filter(other -> !other.equals(owner)).toList();
        String left = others.isEmpty() ? "It has no owner now" : "It has " + owners(others.size()) + " now";
        List<PersonId> told = others.isEmpty()
                ? flow.store.leads(guild.id()).stream().map(Member::person).filter(lead -> !lead.equals(owner)).toList()
                : others;
        String name = flow.people.nameOf(owner);
        for (PersonId person : told) {
            flow.outbox.sendDirect(person, Message.text("📚 " + name + " no longer owns *" + module.name() + "* in "
                            + guild.title() + " (" + why + "). " + left + (others.size() <= 1 ? " — a bus-factor risk."
                            : "."))
                    .withContext("/guild module own " + guild.slug() + " \"" + module.name() + "\" to own it;"
                            + " /guild modules " + guild.slug() + " suggests who could."));
        }
        return left + (told.isEmpty() ? "." : "; " + (others.isEmpty() ? "the leads are" : "its other owners are")
                + " told.");
    }

    private static String owners(int count) {
        return count + (count == 1 ? " owner" : " owners");
    }

    private Reply modules(GuildFlow flow, CommandRequest request, Args args) {
        Guild guild = flow.guild(MembershipCommands.one(args, MODULES));
        SyllabusStore syllabus = new SyllabusStore(flow.work.handle());
        List<SyllabusStore.Module> modules = syllabus.modules(guild.id());
        if (modules.isEmpty()) {
            return Reply.of(guild.title() + " has no syllabus yet. /guild module add " + guild.slug()
                    + " \"<module>\" starts one.");
        }
        List<SyllabusStore.Teacher> teachers = syllabus.teachers(guild.id());
        Message message = Message.text("📚 Syllabus of " + guild.title());
        int risks = 0;
        for (SyllabusStore.Module module : modules) {
            StringBuilder value = new StringBuilder(module.owners().isEmpty() ? "no owner"
                    : "owned by " + String.join(", ", module.owners()));
            if (module.ownerIds().size() <= 1) {
                risks++;
                value.append(" · ⚠️ bus-factor risk");
                List<String> suggested = teachers.stream()
                        .filter(t -> !module.ownerIds().contains(t.person()) && covers(module, t.topic()))
                        .map(t -> t.name() + (t.member() ? "" : " (not in the guild yet)"))
                        .distinct().limit(SUGGESTED).toList();
                value.append(suggested.isEmpty() ? " — nobody here /teaches it yet"
                        : " — could co-own: " + String.join(", ", suggested) + " (they /teach it)");
            }
            message = message.withField(module.name(), value.toString());
        }
        return Reply.of(message.withContext(risks == 0 ? "Every module has at least two owners. 🎉"
                : risks + " module" + (risks == 1 ? " depends" : "s depend") + " on one person or nobody. Ask a"
                + " suggested person to /guild module own " + guild.slug() + " \"<module>\"."));
    }

    /** The topic a module is about, named like /teach topics (K8s and kubernetes are one), for matching teachers. */
    String topicOf(String name) {
        String folded = fold(name);
        try {
            return topics.normalize(folded);
        } catch (UsageException e) {
            return folded; // a module name may hold symbols a topic can't (like "Operators: part 2")
        }
    }

    /** A teacher's topic fits a module when it is the module's topic, or a phrase of its (alias-resolved) words. */
    private boolean covers(SyllabusStore.Module module, String teachingTopic) {
        if (module.topic().equals(teachingTopic)) {
            return true;
        }
        String words = Arrays.stream(module.topic().split("[^\\p{L}\\p{N}+#.]+"))
                .filter(w -> !w.isBlank())
                .map(this::topicOf)
                .collect(Collectors.joining(" "));
        return (" " + words + " ").contains(" " + teachingTopic + " ");
    }

    /** How module names are compared: compatibility forms, spacing and case don't matter. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
