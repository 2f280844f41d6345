package dev.guildhall.app;

import dev.guildhall.admin.GuildhallCapability;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.command.Capability;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.RoutingChatPort;
import dev.guildhall.guild.GuildCapability;
import dev.guildhall.http.DownloadLinks;
import dev.guildhall.insights.InsightsCapability;
import dev.guildhall.livesession.LiveSessionCapability;
import dev.guildhall.livesession.LiveSessionSettings;
import dev.guildhall.mentorship.MentorshipCapability;
import dev.guildhall.mentorship.MentorshipSettings;
import dev.guildhall.programme.ProgrammeCapability;
import dev.guildhall.topic.Topics;
import dev.guildhall.store.Database;
import dev.guildhall.workinggroup.WorkingGroupCapability;

import dev.guildhall.outbox.SendPace;

import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;

/** Builds the bot from its settings: the one place that lists every capability. */
public final class Wiring {
    private Wiring() {
    }

    public static List<Capability> capabilities(Config config) {
        return capabilities(config, DownloadLinks.none());
    }

    /** {@code links}: where exports go for chats that cannot take files (served by {@code serve}). */
    public static List<Capability> capabilities(Config config, DownloadLinks links) {
        MentorshipSettings mentorship = MentorshipSettings.defaults().withAnswerDeadline(config.matchAnswerDeadline());
        Topics topics = Topics.load(config.topicAliases());
        InsightsCapability insights = new InsightsCapability(config.admins(), topics, GuildCapability.directory());
        MentorshipCapability mentoring = new MentorshipCapability(topics, mentorship);
        ProgrammeCapability programmes = new ProgrammeCapability(GuildCapability.syllabus(topics),
                mentoring.mentorRequests(), topics);
        return List.of(
                mentoring,
                new LiveSessionCapability(LiveSessionSettings.defaults(), config.sessionSecret(),
                        mentoring.teachInvites(), programmes.sessionModules()),
                new GuildCapability(topics, List.of(insights.guildSubcommand()), config.admins(),
                        List.of(WorkingGroupCapability.guildLeaving())),
                new WorkingGroupCapability(config.admins(), GuildCapability.directory()),
                programmes,
                insights,
                new GuildhallCapability(config.admins(), config.database(), config.matchAnswerDeadline(),
                        describe(config.sendPace()), config.topicAliases().map(Object::toString), links));
    }

    private static String describe(SendPace pace) {
        return pace.byPlatform().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().perChannel()
                + " per channel, " + e.getValue().perWorkspace() + " per workspace").sorted()
                .collect(Collectors.joining("; "));
    }

    public static Guildhall guildhall(Config config, AdjustableClock clock, Map<String, ChatPort> adapters) {
        return guildhall(open(config), config, clock, adapters);
    }

    /** The store the settings name: the SQLite file, or PostgreSQL with its user and password. */
    public static Database open(Config config) {
        return Database.open(config.database(), config.databaseUser().orElse(null),
                config.databasePassword().orElse(null));
    }

    /** The bot on an open database (adapters that keep their own tables need it before the bot exists). */
    public static Guildhall guildhall(Database database, Config config, AdjustableClock clock,
                                      Map<String, ChatPort> adapters) {
        return guildhall(database, config, clock, adapters, DownloadLinks.none());
    }

    public static Guildhall guildhall(Database database, Config config, AdjustableClock clock,
                                      Map<String, ChatPort> adapters, DownloadLinks links) {
        return new Guildhall(database, clock, new RoutingChatPort(adapters), capabilities(config, links),
                config.sendPace(), config.retention());
    }
}
