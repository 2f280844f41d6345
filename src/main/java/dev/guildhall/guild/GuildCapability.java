package dev.guildhall.guild;

import dev.guildhall.command.Capability;
import dev.guildhall.command.Registry;
import dev.guildhall.core.Admins;
import dev.guildhall.guild.api.GuildDirectory;
import dev.guildhall.guild.api.GuildLeaving;
import dev.guildhall.guild.api.LeadSubcommand;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.people.Succession;
import dev.guildhall.topic.Topics;

import java.util.ArrayList;
import java.util.List;

/** Guilds: {@code /guild} with its subcommands, the RSVP buttons and the meetup reminders. */
public final class GuildCapability implements Capability {
    private final Topics topics;
    private final List<LeadSubcommand> contributed;
    private final Admins admins;
    private final List<GuildLeaving> leaving;

    public GuildCapability(Topics topics) {
        this(topics, List.of(), Admins.none(), List.of());
    }

    /**
     * {@code contributed}: subcommands other capabilities add for a guild's leads (like insights); {@code admins}
     * hear when a guild is left without a lead and no member takes it on; {@code leaving}: what other capabilities
     * undo when someone leaves a guild.
     */
    public GuildCapability(Topics topics, List<LeadSubcommand> contributed, Admins admins,
                           List<GuildLeaving> leaving) {
        this.topics = topics;
        this.contributed = List.copyOf(contributed);
        this.admins = admins;
        this.leaving = List.copyOf(leaving);
    }

    /** What other capabilities may read about guilds. */
    public static GuildDirectory directory() {
        return new StoredGuildDirectory();
    }

    /** What other capabilities may read about syllabus modules, their owners and guild leads. */
    public static Syllabus syllabus(Topics topics) {
        return new StoredSyllabus(topics);
    }

    @Override
    public void register(Registry registry) {
        List<Subcommand> subcommands = new ArrayList<>(MembershipCommands.all(leaving));
        subcommands.add(AnnounceCommand.subcommand());
        subcommands.addAll(MeetupCommands.all());
        subcommands.addAll(SpeakerCommands.all());
        subcommands.addAll(new SyllabusCommands(topics).all());
        contributed.forEach(sub -> subcommands.add(Subcommand.forLeads(sub)));
        registry.command(new GuildCommand(subcommands).spec());
        GuildButtons.register(registry);
        GuildForms.register(registry);
        registry.home(GuildHome::render);
        GuildPersonalData.register(registry);
        Succession.register(registry, new LeadSuccession(admins));
        registry.task(MeetupReminders.DAY_BEFORE, MeetupReminders::dayBefore);
        registry.task(MeetupReminders.HOUR_BEFORE, MeetupReminders::hourBefore);
        registry.task(MeetupReminders.STARTING, MeetupReminders::starting);
    }
}
