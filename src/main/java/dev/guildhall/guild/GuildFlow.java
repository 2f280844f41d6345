package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.people.People;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Everything a guild command works with inside its transaction, and the checks every one of them makes. */
final class GuildFlow {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    final UnitOfWork work;
    final GuildStore store;
    final People people;
    final Outbox outbox;
    final DueTasks tasks;

    GuildFlow(UnitOfWork work) {
        this.work = work;
        this.store = new GuildStore(work.handle());
        this.people = new People(work.handle());
        this.outbox = new Outbox(work);
        this.tasks = new DueTasks(work);
    }

    Instant now() {
        return work.now();
    }

    static String slug(String typed) {
        String slug = typed.strip().toLowerCase(Locale.ROOT);
        if (slug.equals("help")) {
            throw new UsageException("\"help\" is kept for /guild <subcommand> help; pick another short name.");
        }
        if (!SLUG.matcher(slug).matches()) {
            throw new UsageException("\"" + typed + "\" can't be a guild's short name: use 2–32 lower-case letters,"
                    + " digits or hyphens, starting with a letter, like platform-eng or k8s.");
        }
        return slug;
    }

    Guild guild(String typed) {
        String slug = typed.strip().toLowerCase(Locale.ROOT);
        return store.bySlug(slug).orElseThrow(() -> new UsageException("There is no guild called \"" + typed
                + "\". /guild list shows the guilds there are."));
    }

    Member requireMember(Guild guild, PersonId who) {
        return store.member(guild.id(), who).orElseThrow(() -> new UsageException("You're not in " + guild.title()
                + " yet. /guild join " + guild.slug() + " first."));
    }

    /** Refuses anyone but a lead, naming what they tried and who can do it for them. */
    Member requireLead(Guild guild, PersonId who, String what) {
        Optional<Member> member = store.member(guild.id(), who);
        if (member.isPresent() && member.get().isLead()) {
            return member.get();
        }
        String leads = String.join(", ", store.leads(guild.id()).stream().map(Member::displayName).toList());
        throw new UsageException("Only leads of " + guild.title() + " can " + what + ". Ask a lead ("
                + (leads.isEmpty() ? "there is none yet" : leads) + ") — or ask them to make you one with /guild lead"
                + " add " + guild.slug() + " @you.");
    }

    /** A person named in a command, who must be someone the bot has met. */
    Person mentioned(PersonId caller, String written, String usage) {
        return people.mentioned(caller, written, usage);
    }
}
