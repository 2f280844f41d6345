package dev.guildhall.guild;

import dev.guildhall.command.Capability;
import dev.guildhall.command.Registry;
import dev.guildhall.guild.api.GuildDirectory;
import dev.guildhall.guild.api.LeadSubcommand;
import dev.guildhall.topic.Topics;

import java.util.ArrayList;
import java.util.List;

/** Guilds: {@code /guild} with its subcommands, the RSVP buttons and the meetup reminders. */
public final class GuildCapability implements Capability {
    private final Topics topics;
    private final List<LeadSubcommand> contributed;

    public GuildCapability(Topics topics) {
        this(topics, List.of());
    }

    /** {@code contributed}: subcommands other capabilities add for a guild's leads (like insights). */
    public GuildCapability(Topics topics, List<LeadSubcommand> contributed) {
        this.topics = topics;
        this.contributed = List.copyOf(contributed);
    }

    /** What other capabilities may read about guilds. */
    public static GuildDirectory directory() {
        return new StoredGuildDirectory();
    }

    @Override
    public void register(Registry registry) {
        List<Subcommand> subcommands = new ArrayList<>(MembershipCommands.all());
        subcommands.add(AnnounceCommand.subcommand());
        subcommands.addAll(MeetupCommands.all());
        subcommands.addAll(SpeakerCommands.all());
        subcommands.addAll(new SyllabusCommands(topics).all());
        contributed.forEach(sub -> subcommands.add(Subcommand.forLeads(sub)));
        registry.command(new GuildCommand(subcommands).spec());
        GuildButtons.register(registry);
        registry.task(MeetupReminders.DAY_BEFORE, MeetupReminders::dayBefore);
        registry.task(MeetupReminders.HOUR_BEFORE, MeetupReminders::hourBefore);
        registry.task(MeetupReminders.STARTING, MeetupReminders::starting);
    }
}
