package dev.guildhall.slack;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.Postgres;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One replica of the bot in this JVM: its own connection pool on the shared PostgreSQL schema, its own outbox
 * dispatcher and clock, sending through the Slack adapter to a {@link FakeSlack} shared by all replicas.
 */
final class Replica implements AutoCloseable {
    /** Fast enough that the fake, not the pace, sets the speed; the pace is tested elsewhere. */
    static final String PACE = "slack=1000/1s,1000000/1m";

    final AdjustableClock clock;
    final Guildhall bot;
    private final SlackAdapter adapter;

    Replica(Postgres postgres, FakeSlack slack, AdjustableClock clock) {
        this(postgres, slack, clock, PACE);
    }

    Replica(Postgres postgres, FakeSlack slack, AdjustableClock clock, String pace) {
        this.clock = clock;
        this.adapter = SlackAdapter.create(SlackSettings.from(Map.of(SlackSettings.BOT_TOKEN, "xoxb-test",
                SlackSettings.SIGNING_SECRET, "s3cret", SlackSettings.API_URL, slack.apiUrl())));
        Config config = postgres.config(Map.of(Config.SEND_PACE, pace));
        this.bot = Wiring.guildhall(config, clock, Map.of(SlackAdapter.PLATFORM, adapter.port()));
    }

    static PersonId person(String user) {
        return new PersonId("slack:" + SlackRequests.TEAM + ":" + user);
    }

    String say(String user, String name, String text) {
        int space = text.indexOf(' ');
        return BotExtension.text(bot.handle(Inbound.of(new Command(Person.of(person(user), name), Optional.empty(),
                text.substring(1, space), SlackMentions.tokens(SlackRequests.TEAM, text.substring(space + 1))))).reply());
    }

    String sayIn(String user, String name, String channel, String text) {
        int space = text.indexOf(' ');
        return BotExtension.text(bot.handle(Inbound.of(new Command(Person.of(person(user), name),
                Optional.of(new ChannelId("slack:" + SlackRequests.TEAM + ":" + channel)),
                space < 0 ? text.substring(1) : text.substring(1, space), space < 0 ? "" : text.substring(space + 1)))).reply());
    }

    /** A guild "platform" led by ULEAD (who takes no DMs), linked to C42, with members U0000, U0001… */
    void guildOf(int members) {
        say("ULEAD", "lea", "/guild create platform \"Platform guild\" <#C42|platform>");
        say("ULEAD", "lea", "/guild notify platform off");
        bot.database().inTransaction(h -> {
            long guild = h.createQuery("SELECT id FROM guild WHERE slug = 'platform'").mapTo(Long.class).one();
            for (int i = 0; i < members; i++) {
                String id = person(String.format("U%04d", i)).value();
                h.execute("INSERT INTO person (id, display_name, first_seen_at, last_seen_at) VALUES (?, ?, 0, 0)",
                        id, "member" + i);
                h.execute("INSERT INTO guild_member (guild_id, person_id, role, notify, joined_at)"
                        + " VALUES (?, ?, 'MEMBER', 1, ?)", guild, id, i);
            }
            return null;
        });
    }

    /** How many DMs containing {@code text} each member's DM channel got, at the fake Slack. */
    static Map<String, Long> directMessages(FakeSlack slack, String text) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> call.param("text") != null && call.param("text").contains(text))
                .filter(call -> call.param("channel").startsWith("DU"))
                .collect(Collectors.groupingBy(call -> call.param("channel"), Collectors.counting()));
    }

    int count(String sql) {
        return bot.database().read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        bot.close();
        adapter.close();
    }
}
