package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.time.Recurrence;
import dev.guildhall.time.When;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /guild meetup}, {@code /guild meetup cancel} and {@code /guild meetups}. */
final class MeetupCommands {
    static final String MEETUP = "/guild meetup <slug> \"<when>\" \"<title>\" [--tz Europe/Berlin] — leads only: plan a"
            + " meetup, one-off or recurring; members get reminders 24 h and 1 h before and when it starts\n"
            + "/guild meetup cancel <id> [--series] — leads only: cancel a meetup (--series: and the ones after it)";
    static final String MEETUPS = "/guild meetups <slug> — upcoming meetups (leads see who's coming)";

    private MeetupCommands() {
    }

    static List<Subcommand> all() {
        return List.of(
                new Subcommand("meetup", MEETUP + "\nWhen: " + MeetupTimes.FORMS, MeetupCommands::meetup),
                new Subcommand("meetups", MEETUPS, MeetupCommands::meetups));
    }

    private static Reply meetup(GuildFlow flow, CommandRequest request, Args raw) {
        if (!raw.isEmpty() && !raw.isQuoted(0) && raw.first().equals("cancel")) {
            return cancel(flow, request, raw.shift());
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
        When plan = MeetupTimes.parse(args.get(1), knownZone, flow.now(), "/guild meetup " + guild.slug() + " \""
                + args.get(1) + "\" \"" + args.get(2) + "\"");
        ZoneId zone = plan.zone();
        String title = (args.size() == 3 ? args.get(2) : args.restFrom(2)).strip();
        if (title.isEmpty() || title.length() > 150) {
            throw new UsageException("A meetup's title has 1 to 150 characters, like \"Operators deep dive\".");
        }
        MeetupStore meetups = new MeetupStore(flow.work.handle());
        long id = meetups.insert(guild.id(), title, plan.first(), zone, plan.recurrence(), null, Optional.empty(),
                Optional.empty(), lead, flow.now());
        MeetupReminders.schedule(flow.tasks, id, plan.first(), flow.now());
        Meetup meetup = meetups.byId(id).orElseThrow();
        String repeats = plan.recurrence().map(r -> " Repeats " + r.describe() + ".")
                .orElse("");
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, GuildButtons.rsvp(Message.text(
                "📅 New meetup: *" + title + "* — " + GuildMessages.when(plan.first(), zone) + "." + repeats), id)));
        for (PersonId member : flow.store.notified(guild.id())) {
            if (!member.equals(lead)) {
                flow.outbox.sendDirect(member, MeetupReminders.message(flow.people, guild, meetup, member,
                        "📅 New meetup", true));
            }
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
        long id;
        try {
            id = Long.parseLong(args.get(0).replace("#", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("\"" + args.get(0) + "\" isn't a meetup id. /guild meetups <slug> shows them,"
                    + " like #3.");
        }
        MeetupStore meetups = new MeetupStore(flow.work.handle());
        Meetup meetup = meetups.byId(id).orElseThrow(() -> new UsageException("There is no meetup #" + id
                + ". /guild meetups <slug> shows the ones planned."));
        Guild guild = flow.store.byId(meetup.guildId()).orElseThrow();
        flow.requireLead(guild, request.caller().id(), "cancel meetups");
        if (!meetup.isScheduled()) {
            throw new UsageException("Meetup #" + id + " is already cancelled.");
        }
        if (!meetup.startsAt().isAfter(flow.now())) {
            throw new UsageException("Meetup #" + id + " has already started — nothing to cancel.");
        }
        List<PersonId> told = meetups.reminded(meetup);
        meetups.cancel(id, flow.now());
        MeetupReminders.cancel(flow.tasks, id);
        String after = "";
        if (meetups.unscheduleTalks(id) > 0 && meetup.speaker().isPresent()) {
            String speaker = flow.people.nameOf(meetup.speaker().get());
            flow.outbox.sendDirect(meetup.speaker().get(), Message.text("🎤 *" + meetup.title() + "* was cancelled,"
                    + " so your talk *" + meetup.talkTitle().orElse("") + "* is back among the proposals of "
                    + guild.title() + " for the leads to place again. Sorry for the change!"));
            after += " " + speaker + "'s talk is back among the proposals (/guild proposals " + guild.slug() + ").";
        }
        if (meetup.recurrence().isPresent() && !series) {
            Recurrence rule = meetup.rule().orElseThrow();
            var next = rule.nextAfter(meetup.startsAt(), meetup.startsAt(), meetup.zone());
            long nextId = meetups.insert(guild.id(), meetup.title(), next, meetup.zone(), Optional.of(rule), id,
                    Optional.empty(), Optional.empty(), meetup.createdBy(), flow.now());
            MeetupReminders.schedule(flow.tasks, nextId, next, flow.now());
            after += " The series goes on: next is #" + nextId + " on " + GuildMessages.when(next, meetup.zone())
                    + " (add --series to stop it).";
        }
        for (PersonId person : told) {
            flow.outbox.sendDirect(person, Message.text("❌ Cancelled: *" + meetup.title() + "* — "
                    + GuildMessages.when(meetup.startsAt(), flow.people.zoneOf(person).orElse(meetup.zone()))
                    + "."));
        }
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("❌ Cancelled: *"
                + meetup.title() + "* — " + GuildMessages.when(meetup.startsAt(), meetup.zone()) + ".")));
        return Reply.of("Cancelled meetup #" + id + " (*" + meetup.title() + "*); " + told.size() + " people are told."
                + after);
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
        for (Meetup meetup : upcoming.stream().limit(20).toList()) {
            ZoneId zone = flow.people.zoneOf(viewer).orElse(meetup.zone());
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
