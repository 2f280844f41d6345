package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.util.Set;

/**
 * RSVP buttons on meetup messages, each carrying the meetup's id so it works after a restart; the guild list's
 * "show more" button; and Undo on a lead picked by a plain name.
 */
final class GuildButtons {
    static final String GOING = "guild.going";
    static final String NOT_GOING = "guild.notgoing";
    static final String UNDO_LEAD = "guild.undolead";

    private GuildButtons() {
    }

    static Message rsvp(Message message, long meetupId) {
        return message.withButton(Message.Button.primary(GOING + ":" + meetupId, "Going"))
                .withButton(Message.Button.of(NOT_GOING + ":" + meetupId, "Not going"));
    }

    /** Undo for a lead just added: back to member, or out of the guild when they were not in it. */
    static Message.Button undoLead(Guild guild, PersonId person, boolean wasMember) {
        return Message.Button.danger(UNDO_LEAD + ":" + guild.id() + ":" + (wasMember ? "member" : "none") + ":"
                + person.value(), "Undo");
    }

    static void register(Registry registry) {
        registry.action(UNDO_LEAD, GuildButtons::undoLead);
        registry.action(GOING, request -> answer(request, true));
        registry.action(NOT_GOING, request -> answer(request, false));
        registry.action(MembershipCommands.MORE, request -> MembershipCommands.listPage(new GuildFlow(request.work()),
                request.presser().id(), (int) Math.min(Integer.MAX_VALUE, Math.max(0, request.idArgument()))));
    }

    private static Reply undoLead(ActionRequest request) {
        String[] parts = request.argument().split(":", 3);
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !Set.of("member", "none").contains(parts[1])
                || !parts[2].contains(":")) {
            throw new UsageException("That button is not one I recognise any more. Try the command again.");
        }
        GuildFlow flow = new GuildFlow(request.work());
        Guild guild = flow.store.byId(Long.parseLong(parts[0])).orElseThrow(() -> new UsageException(
                "That guild no longer exists."));
        flow.requireLead(guild, request.presser().id(), "undo a lead");
        PersonId person = new PersonId(parts[2]);
        String name = flow.people.nameOf(person);
        if (flow.store.member(guild.id(), person).filter(Member::isLead).isEmpty()) {
            return Reply.of(name + " isn't a lead of " + guild.title() + " any more; nothing to undo.");
        }
        if (flow.store.leads(guild.id()).size() == 1) {
            throw new UsageException(name + " is the only lead of " + guild.title() + " now, and a guild always keeps"
                    + " one. Add the lead you meant first: /guild lead add " + guild.slug() + " @person.");
        }
        if (parts[1].equals("member")) {
            flow.store.setRole(guild.id(), person, Role.MEMBER);
        } else {
            flow.store.removeMember(guild.id(), person);
        }
        if (!person.equals(request.presser().id())) {
            flow.outbox.sendDirect(person, Message.text("🏛 Sorry — " + flow.people.nameOf(request.presser().id())
                    + " made you a lead of " + guild.title() + " by mistake and has undone it."));
        }
        return Reply.of("Undone: " + name + " is no longer a lead of " + guild.title() + ". Pick the person you meant"
                + " as you type @: /guild lead add " + guild.slug() + " @person.");
    }

    private static Reply answer(ActionRequest request, boolean going) {
        GuildFlow flow = new GuildFlow(request.work());
        MeetupStore meetups = new MeetupStore(request.work().handle());
        Meetup meetup = meetups.byId(request.idArgument()).orElseThrow(() -> new UsageException(
                "That meetup no longer exists."));
        Guild guild = flow.store.byId(meetup.guildId()).orElseThrow();
        if (!meetup.isScheduled()) {
            throw new UsageException("*" + meetup.title() + "* was cancelled. /guild meetups " + guild.slug()
                    + " shows what's coming up.");
        }
        if (!meetup.startsAt().isAfter(flow.now().minus(MeetupReminders.STARTING_GRACE))) {
            throw new UsageException("*" + meetup.title() + "* is over. /guild meetups " + guild.slug()
                    + " shows what's next.");
        }
        PersonId presser = request.presser().id();
        boolean speaker = meetup.speaker().filter(presser::equals).isPresent();
        if (!speaker && flow.store.member(guild.id(), presser).isEmpty()) {
            throw new UsageException("Join " + guild.title() + " first (/guild join " + guild.slug() + "), then tell"
                    + " us if you're coming.");
        }
        meetups.rsvp(meetup.id(), presser, going, flow.now());
        MeetupStore.Rsvps count = meetups.rsvps(meetup.id());
        String when = GuildMessages.when(meetup.startsAt(), flow.people.zoneOf(presser).orElse(meetup.zone()));
        return Reply.of(going ? "✅ You're going to *" + meetup.title() + "* — " + when + ". " + count.going()
                + " going so far. I'll remind you."
                : "👍 Noted: you're not going to *" + meetup.title() + "*. I won't send you its reminders. Changed your"
                + " mind? Press Going on any of its messages.");
    }
}
