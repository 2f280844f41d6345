package dev.guildhall.app;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.command.Capability;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.RoutingChatPort;
import dev.guildhall.guild.GuildCapability;
import dev.guildhall.insights.InsightsCapability;
import dev.guildhall.livesession.LiveSessionCapability;
import dev.guildhall.mentorship.MentorshipCapability;
import dev.guildhall.mentorship.MentorshipSettings;
import dev.guildhall.mentorship.Topics;
import dev.guildhall.store.Database;

import java.util.List;
import java.util.Map;

/** Builds the bot from its settings: the one place that lists every capability. */
public final class Wiring {
    private Wiring() {
    }

    public static List<Capability> capabilities(Config config) {
        MentorshipSettings mentorship = MentorshipSettings.defaults().withAnswerDeadline(config.matchAnswerDeadline());
        Topics topics = Topics.load(config.topicAliases());
        InsightsCapability insights = new InsightsCapability(config.admins(), topics);
        return List.of(
                new MentorshipCapability(topics, mentorship),
                new LiveSessionCapability(),
                new GuildCapability(topics, List.of(insights.guildSubcommand())),
                insights);
    }

    public static Guildhall guildhall(Config config, AdjustableClock clock, Map<String, ChatPort> adapters) {
        return guildhall(Database.open(config.database()), config, clock, adapters);
    }

    /** The bot on an open database (adapters that keep their own tables need it before the bot exists). */
    public static Guildhall guildhall(Database database, Config config, AdjustableClock clock,
                                      Map<String, ChatPort> adapters) {
        return new Guildhall(database, clock, new RoutingChatPort(adapters), capabilities(config),
                config.sendPace());
    }
}
