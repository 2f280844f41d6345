package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.people.People;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;
import dev.guildhall.time.Recurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The timed side of meetups: reminders 24 h and 1 h before and "starting now", each a scheduled task in the database
 * that runs once. A reminder that fell due while the bot was down goes out on start if it still makes sense, and is
 * otherwise skipped (the lead hears once that reminders were skipped). When a recurring meetup starts, the next one
 * is planned.
 */
final class MeetupReminders {
    static final String DAY_BEFORE = "guild.meetup.24h";
    static final String HOUR_BEFORE = "guild.meetup.1h";
    static final String STARTING = "guild.meetup.start";
    /** "Starting now" still helps a little after the start; later than this it is noise. */
    static final Duration STARTING_GRACE = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(MeetupReminders.class);

    private MeetupReminders() {
    }

    /** Plans a meetup's reminders, leaving out those whose time has already passed. */
    static void schedule(DueTasks tasks, long meetupId, Instant startsAt, Instant now) {
        if (startsAt.minus(Duration.ofHours(24)).isAfter(now)) {
            tasks.schedule(DAY_BEFORE, meetupId, startsAt.minus(Duration.ofHours(24)));
        }
        if (startsAt.minus(Duration.ofHours(1)).isAfter(now)) {
            tasks.schedule(HOUR_BEFORE, meetupId, startsAt.minus(Duration.ofHours(1)));
        }
        tasks.schedule(STARTING, meetupId, startsAt);
    }

    static void cancel(DueTasks tasks, long meetupId) {
        tasks.cancel(DAY_BEFORE, meetupId);
        tasks.cancel(HOUR_BEFORE, meetupId);
        tasks.cancel(STARTING, meetupId);
    }

    static void dayBefore(long meetupId, UnitOfWork work) {
        GuildFlow flow = new GuildFlow(work);
        scheduled(flow, meetupId).ifPresent(meetup -> {
            // Late (the bot was down): once the hour-before reminder is due too, that one says it all.
            if (!work.now().isBefore(meetup.startsAt().minus(Duration.ofHours(1)))) {
                skipped(flow, meetup, "24-hour");
                return;
            }
            remind(flow, meetup, "⏰ 24-hour reminder", lateNote(meetup, Duration.ofHours(24), work.now()), true);
        });
    }

    static void hourBefore(long meetupId, UnitOfWork work) {
        GuildFlow flow = new GuildFlow(work);
        scheduled(flow, meetupId).ifPresent(meetup -> {
            if (!work.now().isBefore(meetup.startsAt())) {
                skipped(flow, meetup, "1-hour");
                return;
            }
            remind(flow, meetup, "⏰ 1-hour reminder", lateNote(meetup, Duration.ofHours(1), work.now()), true);
        });
    }

    static void starting(long meetupId, UnitOfWork work) {
        GuildFlow flow = new GuildFlow(work);
        scheduled(flow, meetupId).ifPresent(meetup -> {
            if (work.now().isAfter(meetup.startsAt().plus(STARTING_GRACE))) {
                skipped(flow, meetup, "\"starting now\"");
            } else {
                remind(flow, meetup, "🟢 Starting now", "", false);
            }
            meetup.rule().ifPresent(rule -> planNext(flow, meetup, rule));
        });
    }

    private static Optional<Meetup> scheduled(GuildFlow flow, long meetupId) {
        return new MeetupStore(flow.work.handle()).byId(meetupId).filter(Meetup::isScheduled);
    }

    private static void remind(GuildFlow flow, Meetup meetup, String lead, String note, boolean withButtons) {
        Guild guild = flow.store.byId(meetup.guildId()).orElseThrow();
        List<PersonId> people = new MeetupStore(flow.work.handle()).reminded(meetup);
        Map<PersonId, Person> known = known(flow.people, meetup, people);
        for (PersonId person : people) {
            Message message = message(known, guild, meetup, person, lead, withButtons);
            flow.outbox.sendDirect(person, note.isEmpty() ? message : new Message(message.text() + note,
                    message.fields(), message.context(), message.buttons()));
        }
    }

    /**
     * A reminder sent well after its time (the bot was down, or the clock jumped) says how long is really left, so
     * "24-hour reminder" never misleads about a meetup that starts in four.
     */
    static String lateNote(Meetup meetup, Duration nominal, Instant now) {
        Duration left = Duration.between(now, meetup.startsAt());
        Duration tolerance = nominal.dividedBy(12).compareTo(Duration.ofMinutes(10)) < 0 ? Duration.ofMinutes(10)
                : nominal.dividedBy(12);
        if (nominal.minus(left).compareTo(tolerance) <= 0) {
            return "";
        }
        long minutes = Math.max(1, left.toMinutes());
        return " (starts in " + (minutes >= 120 ? minutes / 60 + " hours" : minutes + " minutes") + ")";
    }

    /** One person's reminder, with the time in their own zone when the bot knows it. */
    static Message message(People people, Guild guild, Meetup meetup, PersonId person, String lead,
                           boolean withButtons) {
        return message(known(people, meetup, List.of(person)), guild, meetup, person, lead, withButtons);
    }

    /** The people a meetup's messages go to, and its speaker, read in one query whatever their number. */
    static Map<PersonId, Person> known(People people, Meetup meetup, Collection<PersonId> recipients) {
        List<PersonId> all = new ArrayList<>(recipients);
        meetup.speaker().ifPresent(all::add);
        return people.findAll(all);
    }

    /** Like {@link #message(People, Guild, Meetup, PersonId, String, boolean)} with the people read before. */
    static Message message(Map<PersonId, Person> known, Guild guild, Meetup meetup, PersonId person, String lead,
                           boolean withButtons) {
        Optional<ZoneId> own = People.zoneOf(known, person);
        ZoneId zone = own.orElse(meetup.zone());
        Message message = Message.text(lead + ": *" + meetup.title() + "* — " + guild.name() + " meetup, "
                        + GuildMessages.when(meetup.startsAt(), zone))
                .withContext(own.isPresent() ? "Meetup #" + meetup.id() + " · /guild meetups " + guild.slug()
                        : "Shown in the meetup's time zone: set yours in your chat profile to see your own.");
        if (meetup.speaker().isPresent()) {
            message = message.withField("Speaker", People.nameOf(known, meetup.speaker().get())
                    + meetup.talkTitle().map(t -> " — " + t).orElse(""));
        }
        if (meetup.rule().isPresent()) {
            message = message.withField("Repeats", GuildMessages.repeats(meetup.rule().get(), meetup.zone(), zone));
        }
        if (withButtons) {
            message = GuildButtons.rsvp(message, meetup.id());
        }
        return message;
    }

    private static void skipped(GuildFlow flow, Meetup meetup, String which) {
        log.info("skipped the {} reminder of meetup {}: it fell due while the bot was down", which, meetup.id());
        if (new MeetupStore(flow.work.handle()).noteSkipped(meetup.id(), flow.now())) {
            flow.outbox.sendDirect(meetup.createdBy(), Message.text("ℹ️ I was offline when the " + which
                    + " reminder for *" + meetup.title() + "* (" + GuildMessages.when(meetup.startsAt(), meetup.zone())
                    + ") was due, and it was too late to send it when I came back, so I skipped it."));
        }
    }

    private static void planNext(GuildFlow flow, Meetup meetup, Recurrence rule) {
        Instant from = meetup.startsAt().isAfter(flow.now()) ? meetup.startsAt() : flow.now();
        Instant next = rule.nextAfter(meetup.startsAt(), from, meetup.zone());
        MeetupStore meetups = new MeetupStore(flow.work.handle());
        long id = meetups.insert(meetup.guildId(), meetup.title(), next, meetup.zone(), Optional.of(rule),
                meetup.id(), Optional.empty(), Optional.empty(), meetup.createdBy(), flow.now());
        schedule(flow.tasks, id, next, flow.now());
    }
}
