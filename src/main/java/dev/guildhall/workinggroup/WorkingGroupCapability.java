package dev.guildhall.workinggroup;

import dev.guildhall.command.Capability;
import dev.guildhall.command.Registry;
import dev.guildhall.core.Admins;
import dev.guildhall.guild.api.GuildDirectory;
import dev.guildhall.guild.api.GuildLeaving;
import dev.guildhall.people.Succession;

import java.util.ArrayList;
import java.util.List;

/**
 * Working groups: {@code /wg} with its subcommands, the split and extend buttons, and the timed work (channel set-up
 * follow-ups, end-date nudges, weekly check-ins, the guilds' weekly digest of results).
 */
public final class WorkingGroupCapability implements Capability {
    private final Admins admins;
    private final GuildDirectory guilds;

    /**
     * {@code admins} hear when a group is left without an owner and no member takes it on; {@code guilds} lets a
     * {@code /wg join} by someone outside the group's guild join the guild too.
     */
    public WorkingGroupCapability(Admins admins, GuildDirectory guilds) {
        this.admins = admins;
        this.guilds = guilds;
    }

    /** What leaving a guild does to its working groups: the leaver leaves them too (an owner hands over first). */
    public static GuildLeaving guildLeaving() {
        return new LeavingTheGuild();
    }

    @Override
    public void register(Registry registry) {
        List<Subcommand> subcommands = new ArrayList<>(GroupCommands.all(guilds));
        subcommands.addAll(Checkins.subcommands());
        subcommands.addAll(Results.subcommands());
        registry.command(new WgCommand(subcommands).spec());
        WgButtons.register(registry);
        registry.form(new CreateForm());
        WgPersonalData.register(registry);
        Succession.register(registry, new OwnerSuccession(admins));
        registry.home(WgHome::render);
        registry.task(ChannelSteps.CHANNEL_SETTLED, ChannelSteps::channelSettled);
        registry.task(ChannelSteps.ARCHIVE_SETTLED, ChannelSteps::archiveSettled);
        registry.task(EndDates.NUDGE, EndDates::nudge);
        registry.task(Results.DIGEST, Results::digest);
        registry.task(Checkins.ASK, Checkins::ask);
        registry.task(Checkins.DIGEST, Checkins::digest);
        registry.task(Checkins.REMIND, Checkins::remind);
    }
}
