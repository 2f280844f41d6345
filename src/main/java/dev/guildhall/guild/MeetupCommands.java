package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.people.People;
import dev.guildhall.time.Recurrence;
import dev.guildhall.time.When;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /guild meetup}, {@code /guild meetup cancel} and {@code /guild meetups}. */
final class MeetupCommands {
    static final String MEETUP = "/guild meetup <slug> \"<when>\" \"<title>\" [--tz Europe/Berlin] — leads only: plan a"
            + " meetup, one-off or recurring; members get reminders 24 h and 1 h before and when it starts\n"
            + "/guild meetup move <id> \"<when>\" — leads only: move a meetup; its RSVPs stay and those going are told\n"
            + "/guild meetup retitle <id> \"<title>\" — leads only: rename a meetup; those going are told\n"
            + "/guild meetup cancel <id> [--series] — leads only: cancel a meetup (--series: and the ones after it,"
            + " from any meetup of the series)";
    static final String MEETUPS = "/guild meetups <slug> — upcoming meetups (leads see who's coming)";

    private MeetupCommands() {
    }

    static List<Subcommand> all() {
        return List.of(
                new Subcommand("meetup", MEETUP + "\nWhen: " + MeetupTimes.FORMS, MeetupCommands::meetup),
                new Subcommand("meetups", MEETUPS, MeetupCommands::meetups));
    }

    private static Reply meetup(GuildFlow flow, CommandRequest request, Args raw) {
        if (!raw.isEmpty() && !raw.isQuoted(0)) {
            switch (raw.first()) {
                case "cancel" -> {
                    return cancel(flow, request, raw.shift());
                }
                case "move" -> {
                    return move(flow, request, raw.shift());
                }
                case "retitle" -> {
                    return retitle(flow, request, raw.shift());
                }
                default -> {
                    // a guild's slug: plan a meetup
                }
            }
        }
        Args args = raw.withOptions(Set.of("tz"), MEETUP);
        if (args.isEmpty()) {
            throw new UsageException("Which guild, when, and what? " + MEETUP);
        }
        Guild guild = flow.guild(args.get(0));
        PersonId lead = request.caller().id();
        flow.requireLead(guild, lead, "plan meetups");
        if (args.size() < 3) {
            throw new UsageException("Say when and what, each in quotes: /guild meetup " + guild.slug()
                    + " \"every 2nd tuesday 16:00\" \"Operators deep dive\". " + MeetupTimes.FORMS);
        }
        if (args.size() > 3 && !args.isQuoted(1)) {
            throw new UsageException("Put the time and the title each in quotes: /guild meetup " + guild.slug()
                    + " \"every thursday 10:00\" \"Office hours\". " + MeetupTimes.FORMS);
        }
        Optional<ZoneId> knownZone = args.option("tz").map(MeetupTimes::zone)
                .or(guild::timeZone)
                .or(() -> flow.people.zoneOf(lead))
                .or(request.caller()::timeZone);
        When plan = when(args.get(1), knownZone, flow, "/guild meetup " + guild.slug() + " \""
                + args.get(1) + "\" \"" + args.get(2) + "\"");
        ZoneId zone = plan.zone();
        String title = (args.size() == 3 ? args.get(2) : args.restFrom(2)).strip();
        checkTitle(title);
        MeetupStore meetups = new MeetupStore(flow.work.handle());
        long id = meetups.insert(guild.id(), title, plan.first(), zone, plan.recurrence(), null, Optional.empty(),
                Optional.empty(), lead, flow.now());
        MeetupReminders.schedule(flow.tasks, id, plan.first(), flow.now());
        Meetup meetup = meetups.byId(id).orElseThrow();
        String repeats = plan.recurrence().map(r -> " Repeats " + r.describe() + ".")
                .orElse("");
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, GuildButtons.rsvp(Message.text(
                "📅 New meetup: *" + title + "* — " + GuildMessages.when(plan.first(), zone) + "." + repeats), id)));
        List<PersonId> notified = flow.store.notified(guild.id()).stream().filter(member -> !member.equals(lead))
                .toList();
        Map<PersonId, Person> known = MeetupReminders.known(flow.people, meetup, notified);
        for (PersonId member : notified) {
            flow.outbox.sendDirect(member, MeetupReminders.message(known, guild, meetup, member, "📅 New meetup",
                    true));
        }
        return Reply.of(Message.text("📅 Planned meetup #" + id + ": *" + title + "* — "
                        + GuildMessages.when(plan.first(), zone) + "." + repeats)
                .withContext("Members get reminders 24 h and 1 h before and when it starts, each in their own time"
                        + " zone. /guild meetups " + guild.slug() + " shows who's coming; /guild meetup cancel " + id
                        + " cancels it."));
    }

    private static Reply cancel(GuildFlow flow, CommandRequest request, Args args) {
        boolean series = args.size() == 2 && args.get(1).equalsIgnoreCase("--series");
        if (args.size() != 1 && !series) {
            throw new UsageException("Which meetup? /guild meetup cancel <id>, like /guild meetup cancel 3."
                    + " /guild meetups <slug> shows the ids.");
        }
        MeetupStore meetups = new MeetupStore(flow.work.handle());
        Meetup meetup = meetup(meetups, args.get(0));
        Guild guild = flow.store.byId(meetup.guildId()).orElseThrow();
        flow.requireLead(guild, request.caller().id(), "cancel meetups");
        if (series && (meetup.recurrence().isPresent() || meetups.seriesFrom(meetup.id()).size() > 1)) {
            return cancelSeries(flow, meetups, guild, meetup);
        }
        if (!meetup.isScheduled()) {
            throw new UsageException("Meetup #" + meetup.id() + " is already cancelled.");
        }
        if (!meetup.startsAt().isAfter(flow.now())) {
            throw new UsageException("Meetup #" + meetup.id() + " has already started — nothing to cancel.");
        }
        String after = cancelOne(flow, meetups, guild, meetup);
        if (meetup.recurrence().isPresent() && !series) {
            Recurrence rule = meetup.rule().orElseThrow();
            var next = rule.nextAfter(meetup.startsAt(), meetup.startsAt(), meetup.zone());
            long nextId = meetups.insert(guild.id(), meetup.title(), next, meetup.zone(), Optional.of(rule),
                    meetup.id(), Optional.empty(), Optional.empty(), meetup.createdBy(), flow.now());
            MeetupReminders.schedule(flow.tasks, nextId, next, flow.now());
            after += " The series goes on: next is #" + nextId + " on " + GuildMessages.when(next, meetup.zone())
                    + " (add --series to stop it).";
        }
        return Reply.of("Cancelled meetup #" + meetup.id() + " (*" + meetup.title() + "*); " + told(meetups, meetup)
                + " people are told." + after);
    }

    /**
     * Stops a recurring series from any of its meetups, even one under way or past: every meetup of it still ahead is
     * cancelled, and one that has started keeps happening but plans no next one.
     */
    private static Reply cancelSeries(GuildFlow flow, MeetupStore meetups, Guild guild, Meetup from) {
        List<Meetup> ahead = new ArrayList<>();
        int stopped = 0;
        for (Meetup meetup : meetups.seriesFrom(from.id())) {
            if (!meetup.isScheduled()) {
                continue;
            }
            if (meetup.startsAt().isAfter(flow.now())) {
                ahead.add(meetup);
            } else if (meetup.recurrence().isPresent()) {
                meetups.stopRepeating(meetup.id());
                stopped++;
            }
        }
        if (ahead.isEmpty() && stopped == 0) {
            throw new UsageException("The series of meetup #" + from.id() + " (*" + from.title() + "*) has nothing"
                    + " ahead to cancel: it was stopped already.");
        }
        StringBuilder reply = new StringBuilder("Stopped the series *" + from.title() + "*");
        if (ahead.isEmpty()) {
            reply.append(": the meetup under way still happens, and no more are planned after it.");
        } else {
            reply.append(": cancelled ");
            List<String> each = new ArrayList<>();
            for (Meetup meetup : ahead) {
                int told = told(meetups, meetup);
                String after = cancelOne(flow, meetups, guild, meetup);
                each.add("#" + meetup.id() + " (" + GuildMessages.when(meetup.startsAt(), meetup.zone()) + ", "
                        + told + " people told)" + after);
            }
            reply.append(String.join(", ", each)).append(stopped > 0
                    ? ". The meetup under way still happens; no more are planned." : ". No more are planned.");
        }
        return Reply.of(reply.toString());
    }

    private static int told(MeetupStore meetups, Meetup meetup) {
        return meetups.reminded(meetup).size();
    }

    /** Cancels one meetup ahead: reminders off, its talk back among the proposals, everyone it reminds told. */
    private static String cancelOne(GuildFlow flow, MeetupStore meetups, Guild guild, Meetup meetup) {
        List<PersonId> told = meetups.reminded(meetup);
        meetups.cancel(meetup.id(), flow.now());
        MeetupReminders.cancel(flow.tasks, meetup.id());
        String after = "";
        if (meetups.unscheduleTalks(meetup.id()) > 0 && meetup.speaker().isPresent()) {
            String speaker = flow.people.nameOf(meetup.speaker().get());
            flow.outbox.sendDirect(meetup.speaker().get(), Message.text("🎤 *" + meetup.title() + "* was cancelled,"
                    + " so your talk *" + meetup.talkTitle().orElse("") + "* is back among the proposals of "
                    + guild.title() + " for the leads to place again. Sorry for the change!"));
            after += " " + speaker + "'s talk is back among the proposals (/guild proposals " + guild.slug() + ").";
        }
        Map<PersonId, Person> known = flow.people.findAll(told);
        for (PersonId person : told) {
            flow.outbox.sendDirect(person, Message.text("❌ Cancelled: *" + meetup.title() + "* — "
                    + GuildMessages.when(meetup.startsAt(), People.zoneOf(known, person).orElse(meetup.zone()))
                    + "."));
        }
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("❌ Cancelled: *"
                + meetup.title() + "* — " + GuildMessages.when(meetup.startsAt(), meetup.zone()) + ".")));
        return after;
    }

    private static Reply move(GuildFlow flow, CommandRequest request, Args args) {
        if (args.size() != 2) {
            throw new UsageException("Which meetup, and when to? /guild meetup move <id> \"<when>\", like /guild meetup"
                    + " move 3 \"2026-12-10 16:00\". " + MeetupTimes.FORMS);
        }
        MeetupStore meetups = new MeetupStore(flow.work.handle());
        Meetup meetup = editable(flow, meetups, request, args.get(0), "move meetups");
        When plan = when(args.get(1), Optional.of(meetup.zone()), flow, "/guild meetup move " + meetup.id() + " \""
                + args.get(1) + "\"");
        if (plan.recurrence().isPresent()) {
            throw new UsageException("A move takes one date and time, like \"2026-12-10 16:00\": it moves meetup #"
                    + meetup.id() + " only. To change how a series repeats, cancel it with --series and plan it anew.");
        }
        meetups.move(meetup.id(), plan.first());
        MeetupReminders.cancel(flow.tasks, meetup.id());
        MeetupReminders.schedule(flow.tasks, meetup.id(), plan.first(), flow.now());
        Guild guild = flow.store.byId(meetup.guildId()).orElseThrow();
        List<PersonId> going = meetups.going(meetup);
        Map<PersonId, Person> known = flow.people.findAll(going);
        for (PersonId person : going) {
            ZoneId zone = People.zoneOf(known, person).orElse(meetup.zone());
            flow.outbox.sendDirect(person, GuildButtons.rsvp(Message.text("🕒 Moved: *" + meetup.title() + "* is now "
                    + GuildMessages.when(plan.first(), zone) + " (was " + GuildMessages.when(meetup.startsAt(), zone)
                    + "). You're still down as going — still fits?"), meetup.id()));
        }
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, GuildButtons.rsvp(Message.text("🕒 Moved: *"
                + meetup.title() + "* is now " + GuildMessages.when(plan.first(), meetup.zone()) + "."), meetup.id())));
        return Reply.of("🕒 Moved meetup #" + meetup.id() + " (*" + meetup.title() + "*) to "
                + GuildMessages.when(plan.first(), meetup.zone()) + ". Its RSVPs stay; " + going.size()
                + (going.size() == 1 ? " person going is" : " people going are") + " told.");
    }

    private static Reply retitle(GuildFlow flow, CommandRequest request, Args args) {
        if (args.size() < 2) {
            throw new UsageException("Which meetup, and its new title? /guild meetup retitle <id> \"<title>\", like"
                    + " /guild meetup retitle 3 \"Operators, part 2\".");
        }
        MeetupStore meetups = new MeetupStore(flow.work.handle());
        Meetup meetup = editable(flow, meetups, request, args.get(0), "retitle meetups");
        String title = (args.size() == 2 ? args.get(1) : args.restFrom(1)).strip();
        checkTitle(title);
        if (title.equals(meetup.title())) {
            throw new UsageException("Meetup #" + meetup.id() + " is already called *" + title + "*.");
        }
        meetups.retitle(meetup.id(), title);
        Guild guild = flow.store.byId(meetup.guildId()).orElseThrow();
        List<PersonId> going = meetups.going(meetup);
        Map<PersonId, Person> known = flow.people.findAll(going);
        for (PersonId person : going) {
            flow.outbox.sendDirect(person, Message.text("✏️ *" + meetup.title() + "* is now called *" + title + "* — "
                    + GuildMessages.when(meetup.startsAt(), People.zoneOf(known, person).orElse(meetup.zone()))
                    + ". You're still down as going."));
        }
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("✏️ *" + meetup.title()
                + "* is now called *" + title + "* — " + GuildMessages.when(meetup.startsAt(), meetup.zone()) + ".")));
        return Reply.of("✏️ Meetup #" + meetup.id() + " is now *" + title + "*. Its RSVPs stay; " + going.size()
                + (going.size() == 1 ? " person going is" : " people going are") + " told.");
    }

    /** A meetup a lead may still change: scheduled and not started. */
    private static Meetup editable(GuildFlow flow, MeetupStore meetups, CommandRequest request, String typedId,
                                   String what) {
        Meetup meetup = meetup(meetups, typedId);
        Guild guild = flow.store.byId(meetup.guildId()).orElseThrow();
        flow.requireLead(guild, request.caller().id(), what);
        if (!meetup.isScheduled()) {
            throw new UsageException("Meetup #" + meetup.id() + " is cancelled. /guild meetups " + guild.slug()
                    + " shows the ones planned.");
        }
        if (!meetup.startsAt().isAfter(flow.now())) {
            throw new UsageException("Meetup #" + meetup.id() + " has already started, so it stays as it is.");
        }
        return meetup;
    }

    private static Meetup meetup(MeetupStore meetups, String typed) {
        long id;
        try {
            id = Long.parseLong(typed.replace("#", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("\"" + typed + "\" isn't a meetup id. /guild meetups <slug> shows them,"
                    + " like #3.");
        }
        return meetups.byId(id).orElseThrow(() -> new UsageException("There is no meetup #" + id
                + ". /guild meetups <slug> shows the ones planned."));
    }

    /** Every time a lead types for a meetup is read here, so one parser serves planning and moving. */
    static When when(String typed, Optional<ZoneId> zone, GuildFlow flow, String retry) {
        return MeetupTimes.parse(typed, zone, flow.now(), retry);
    }

    private static void checkTitle(String title) {
        if (title.isEmpty() || title.length() > 150) {
            throw new UsageException("A meetup's title has 1 to 150 characters, like \"Operators deep dive\".");
        }
    }

    private static Reply meetups(GuildFlow flow, CommandRequest request, Args args) {
        Guild guild = flow.guild(MembershipCommands.one(args, MEETUPS));
        PersonId viewer = request.caller().id();
        boolean lead = flow.store.member(guild.id(), viewer).filter(Member::isLead).isPresent();
        MeetupStore meetups = new MeetupStore(flow.work.handle());
        List<Meetup> upcoming = meetups.upcoming(guild.id(), flow.now());
        if (upcoming.isEmpty()) {
            return Reply.of("No meetups planned in " + guild.title() + "." + (lead ? " Plan one: " + MEETUP : ""));
        }
        Message message = Message.text("📅 Upcoming in " + guild.title());
        Optional<ZoneId> viewerZone = flow.people.zoneOf(viewer);
        for (Meetup meetup : upcoming.stream().limit(20).toList()) {
            ZoneId zone = viewerZone.orElse(meetup.zone());
            StringBuilder value = new StringBuilder(GuildMessages.when(meetup.startsAt(), zone));
            meetup.rule().ifPresent(r -> value.append(" · repeats ")
                    .append(GuildMessages.repeats(r, meetup.zone(), zone)));
            meetup.speaker().ifPresent(s -> value.append(" · speaker ").append(flow.people.nameOf(s))
                    .append(meetup.talkTitle().map(t -> ": " + t).orElse("")));
            if (lead) {
                MeetupStore.Rsvps rsvps = meetups.rsvps(meetup.id());
                value.append(" · ✅ ").append(rsvps.going()).append(" going, ❌ ").append(rsvps.notGoing())
                        .append(" not going");
            }
            message = message.withField("#" + meetup.id() + " " + meetup.title(), value.toString());
        }
        return Reply.of(message);
    }
}
