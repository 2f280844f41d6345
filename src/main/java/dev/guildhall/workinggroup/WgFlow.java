package dev.guildhall.workinggroup;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.PersonId;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.people.People;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Everything a working-group command works with inside its transaction, and the checks they share. */
final class WgFlow {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    final UnitOfWork work;
    final WgStore store;
    final CheckinStore checkins;
    final People people;
    final Outbox outbox;
    final DueTasks tasks;

    WgFlow(UnitOfWork work) {
        this.work = work;
        this.store = new WgStore(work.handle());
        this.checkins = new CheckinStore(work.handle());
        this.people = new People(work.handle());
        this.outbox = new Outbox(work);
        this.tasks = new DueTasks(work);
    }

    /**
     * Where a new group channel belongs: the first of {@code candidates} on the owner's platform (on Teams the
     * channel is made in that channel's team).
     */
    @SafeVarargs
    static Optional<ChannelId> besideFor(PersonId owner, Optional<ChannelId>... candidates) {
        return Arrays.stream(candidates).flatMap(Optional::stream)
                .filter(channel -> channel.platform().equals(owner.platform())).findFirst();
    }

    Instant now() {
        return work.now();
    }

    ZoneId zoneOf(PersonId person) {
        return people.zoneOf(person).orElse(ZoneOffset.UTC);
    }

    LocalDate today(PersonId person) {
        return now().atZone(zoneOf(person)).toLocalDate();
    }

    static String slug(String typed) {
        String slug = typed.strip().toLowerCase(Locale.ROOT);
        if (slug.equals("help")) {
            throw new UsageException("\"help\" is kept for /wg <subcommand> help; pick another short name.");
        }
        if (!SLUG.matcher(slug).matches()) {
            throw new UsageException("\"" + typed + "\" can't be a working group's short name: use 2–32 lower-case"
                    + " letters, digits or hyphens, starting with a letter, like vpc or search-tuning.");
        }
        return slug;
    }

    GuildRef guild(String typed) {
        return store.guildBySlug(typed.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new UsageException(
                "There is no guild called \"" + typed + "\". /guild list shows the guilds there are."));
    }

    /** An open group (being set up, or active). */
    WorkingGroup group(String typed) {
        String slug = typed.strip().toLowerCase(Locale.ROOT);
        return store.openBySlug(slug).orElseThrow(() -> new UsageException(store.anyBySlug(slug)
                .map(closed -> "The working group " + closed.title() + " is closed. /wg info " + slug
                        + " shows its summary.")
                .orElse("There is no working group called \"" + typed + "\". /wg list shows the open ones.")));
    }

    /** An open group whose channel exists: most commands need it. */
    WorkingGroup activeGroup(String typed) {
        WorkingGroup group = group(typed);
        if (group.status() == WorkingGroup.Status.PENDING) {
            throw new UsageException(group.title() + " is still being set up: its channel is on its way, and its"
                    + " owner hears when it's ready. Try again in a minute.");
        }
        return group;
    }

    void requireOwner(WorkingGroup group, PersonId who, String what) {
        if (!group.isOwner(who)) {
            throw new UsageException("Only the owner of " + group.title() + " (" + people.nameOf(group.owner())
                    + ") can " + what + ".");
        }
    }

    void requireMember(WorkingGroup group, PersonId who, String what) {
        Optional<String> state = store.state(group.id(), who);
        if (state.filter(WgStore.WAITING::equals).isPresent()) {
            throw new UsageException("You're on the waitlist of " + group.title() + ", not in it yet, so you can't "
                    + what + " for now. I'll tell you as soon as a place frees up and you're in.");
        }
        if (!WgStore.MEMBER.equals(state.orElse(""))) {
            throw new UsageException("Only members of " + group.title() + " can " + what + ". /wg join "
                    + group.slug() + " first.");
        }
    }

    static String channel(ChannelId channel) {
        return new Mentions.ChannelToken(channel, "the group's channel").text();
    }
}
