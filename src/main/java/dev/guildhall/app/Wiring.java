package dev.guildhall.app;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.command.Capability;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.RoutingChatPort;
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
        return List.of(
                new MentorshipCapability(Topics.load(config.topicAliases()), mentorship),
                new LiveSessionCapability());
    }

    public static Guildhall guildhall(Config config, AdjustableClock clock, Map<String, ChatPort> adapters) {
        Database database = Database.open(config.database());
        return new Guildhall(database, clock, new RoutingChatPort(adapters), capabilities(config));
    }
}
