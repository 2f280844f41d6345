package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

/**
 * RSVP buttons on meetup messages, each carrying the meetup's id so it works after a restart; and the guild list's
 * "show more" button.
 */
final class GuildButtons {
    static final String GOING = "guild.going";
    static final String NOT_GOING = "guild.notgoing";

    private GuildButtons() {
    }

    static Message rsvp(Message message, long meetupId) {
        return message.withButton(Message.Button.primary(GOING + ":" + meetupId, "Going"))
                .withButton(Message.Button.of(NOT_GOING + ":" + meetupId, "Not going"));
    }

    static void register(Registry registry) {
        registry.action(GOING, request -> answer(request, true));
        registry.action(NOT_GOING, request -> answer(request, false));
        registry.action(MembershipCommands.MORE, request -> MembershipCommands.listPage(new GuildFlow(request.work()),
                request.presser().id(), (int) Math.min(Integer.MAX_VALUE, Math.max(0, request.idArgument()))));
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
