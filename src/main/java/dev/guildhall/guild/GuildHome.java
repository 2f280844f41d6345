package dev.guildhall.guild;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.store.UnitOfWork;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person's guilds on their home page: each guild's next meetup with the same Going / Not going buttons as its
 * messages, and for leads the buttons that open the meetup and announcement forms.
 */
final class GuildHome {
    private static final int GUILDS_SHOWN = 10;

    private GuildHome() {
    }

    static List<Message> render(PersonId viewer, UnitOfWork work) {
        GuildFlow flow = new GuildFlow(work);
        List<Guild> joined = flow.store.list(viewer).stream().filter(GuildStore.Listed::joined)
                .map(GuildStore.Listed::guild).limit(GUILDS_SHOWN).toList();
        if (joined.isEmpty()) {
            return List.of();
        }
        MeetupStore meetups = new MeetupStore(work.handle());
        List<Message> section = new ArrayList<>();
        Message heading = Message.text("🏛 *Your guilds*");
        if (!flow.store.ledBy(viewer).isEmpty()) {
            heading = heading.withButton(Message.Button.opensForm(GuildForms.MEETUP, "Plan a meetup"))
                    .withButton(Message.Button.opensForm(GuildForms.ANNOUNCE, "Announce"));
        }
        section.add(heading);
        Optional<ZoneId> viewerZone = flow.people.zoneOf(viewer);
        for (Guild guild : joined) {
            section.add(meetups.next(guild.id(), flow.now())
                    .map(meetup -> GuildButtons.rsvp(Message.text(guild.title() + ": next meetup *" + meetup.title()
                            + "* — " + GuildMessages.when(meetup.startsAt(),
                            viewerZone.orElse(meetup.zone())) + " · "
                            + meetups.rsvps(meetup.id()).going() + " going"), meetup.id()))
                    .orElseGet(() -> Message.text(guild.title() + ": no meetup planned yet.")));
        }
        return section;
    }
}
