package dev.guildhall.programme;

import dev.guildhall.command.Args;
import dev.guildhall.command.NearMiss;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finding the module a command names, and who may change or read its check. */
final class Modules {
    private Modules() {
    }

    /** The module called {@code name}; {@code guildSlug} picks among guilds that each have one of that name. */
    static Syllabus.Module named(Syllabus syllabus, UnitOfWork work, String name, Optional<String> guildSlug) {
        List<Syllabus.Module> found = syllabus.named(work, name);
        if (guildSlug.isPresent()) {
            Guild guild = syllabus.guild(work, guildSlug.get()).orElseThrow(() -> new UsageException(
                    "There is no guild called \"" + guildSlug.get() + "\". /guild list shows the guilds there are."));
            found = found.stream().filter(m -> m.guildId() == guild.id()).toList();
        }
        if (found.isEmpty()) {
            throw new UsageException("There is no module called \"" + name + "\". /guild modules <guild> lists a"
                    + " guild's modules; a lead adds one with /guild module add <guild> \"<module>\".");
        }
        if (found.size() > 1) {
            throw new UsageException("Several guilds have a module called \"" + name + "\". Add --guild <slug> to say"
                    + " which, like --guild " + found.get(0).guildSlug() + ".");
        }
        return found.get(0);
    }

    /** The subcommand typed, or a usage error with a did-you-mean when it is none of {@code known}. */
    static String subcommand(String command, Args args, Set<String> known, String usage) {
        String sub = args.isEmpty() ? "" : args.first();
        if (!known.contains(sub)) {
            throw new UsageException(NearMiss.of(sub, known).map(m -> "Did you mean /" + command + " " + m + "? ")
                    .orElse(sub.isEmpty() ? "What would you like to do? " : "I don't know /" + command + " " + sub
                            + ". ") + usage);
        }
        return sub;
    }

    static boolean owns(Syllabus.Module module, PersonId person) {
        return module.owners().contains(person);
    }

    /** Owners write a module's check; the guild's leads may also send it and read its results. */
    static void requireOwner(Syllabus.Module module, PersonId person, String what) {
        if (!owns(module, person)) {
            throw new UsageException("Only the owners of *" + module.name() + "* can " + what + "."
                    + (module.owners().isEmpty() ? " It has no owner yet: /guild module own <guild> \""
                    + module.name() + "\" if you can teach it." : ""));
        }
    }

    static void requireOwnerOrLead(Syllabus syllabus, UnitOfWork work, Syllabus.Module module, PersonId person,
                                   String what) {
        if (!owns(module, person) && !syllabus.isLead(work, module.guildId(), person)) {
            throw new UsageException("Only the owners of *" + module.name() + "* and its guild's leads can " + what
                    + ".");
        }
    }
}
