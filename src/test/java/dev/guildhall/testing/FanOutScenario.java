package dev.guildhall.testing;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An announcement to a big guild, driven on the bot's clock: the same steps whatever the chat port is (a fake port
 * here; the Slack adapter against a fake Web API later), so only the port differs between those tests.
 */
public final class FanOutScenario {
    public static final Person LEAD = Person.of(new PersonId("slack:T1:ULEAD"), "lea");
    public static final String GUILD = "Platform guild";

    private FanOutScenario() {
    }

    /** The whole bot on a database file, with the production capabilities and pace, talking to {@code port}. */
    public static Guildhall bot(Path db, AdjustableClock clock, ChatPort port) {
        Config config = Config.from(Map.of(Config.DB, db.toString()));
        return Wiring.guildhall(config, clock, Map.of("slack", port));
    }

    /** A guild "platform" led by {@link #LEAD}, linked to channel C42, with members slack:T1:U0000… */
    public static void guildOfMembers(Guildhall bot, int members) {
        String channel = new Mentions.ChannelToken(new ChannelId("slack:T1:C42"), "platform").text();
        String created = BotExtension.text(bot.handle(Inbound.of(new Command(LEAD, Optional.empty(), "guild",
                "create platform \"" + GUILD + "\" " + channel))).reply());
        if (!created.contains("Created")) {
            throw new AssertionError(created);
        }
        bot.database().inTransaction(h -> {
            long guild = h.createQuery("SELECT id FROM guild WHERE slug = 'platform'").mapTo(Long.class).one();
            for (int i = 0; i < members; i++) {
                String id = member(i);
                h.execute("INSERT INTO person (id, display_name, first_seen_at, last_seen_at) VALUES (?, ?, 0, 0)",
                        id, "member" + i);
                h.execute("INSERT INTO guild_member (guild_id, person_id, role, notify, joined_at)"
                        + " VALUES (?, ?, 'MEMBER', 1, ?)", guild, id, i);
            }
            return null;
        });
    }

    public static String member(int i) {
        return "slack:T1:U" + String.format("%04d", i);
    }

    public static String announce(Guildhall bot, String text) {
        return BotExtension.text(bot.handle(Inbound.of(new Command(LEAD, Optional.empty(), "guild", "announce platform " + text))).reply());
    }

    /** Moves the clock a second at a time, delivering what is due, until nothing is left; returns the clock time. */
    public static Duration driveUntilDone(Guildhall bot, AdjustableClock clock) {
        Instant start = clock.instant();
        for (int second = 0; second < 3_600; second++) {
            bot.runDue();
            int waiting = bot.database().read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')").mapTo(Integer.class).one());
            if (waiting == 0) {
                return Duration.between(start, clock.instant());
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("the outbox was not empty after an hour of clock time");
    }
}
