package dev.guildhall.testing;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.console.ConsoleMentions;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The whole bot on a real SQLite file, with a recording chat and a clock the test moves. */
public final class TestBot implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public final Path database;
    public final AdjustableClock clock;
    public final RecordingChatPort chat = new RecordingChatPort("console");
    public final Guildhall bot;
    private final Map<String, ZoneId> zones = new HashMap<>();

    public TestBot(Path database) {
        this(database, AdjustableClock.fixedAt(START), Map.of());
    }

    public TestBot(Path database, AdjustableClock clock, Map<String, String> env) {
        this(database, clock, withDatabase(env, database));
    }

    /** The whole bot on the store {@code config} names (a PostgreSQL schema in the *PostgresIT tests); no restart. */
    public TestBot(Config config) {
        this(null, AdjustableClock.fixedAt(START), config);
    }

    private TestBot(Path database, AdjustableClock clock, Config config) {
        this.database = database;
        this.clock = clock;
        this.bot = Wiring.guildhall(config, clock, Map.of("console", chat));
        bot.start();
    }

    private static Config withDatabase(Map<String, String> env, Path database) {
        Map<String, String> all = new HashMap<>(env);
        all.put(Config.DB, database.toString());
        return Config.from(all);
    }

    /** A second bot on the same database: what a restart sees. */
    public TestBot restart() {
        close();
        return new TestBot(database, AdjustableClock.fixedAt(clock.instant()), Map.of());
    }

    public static PersonId id(String name) {
        return PersonId.of("console", name);
    }

    public void zone(String name, String zone) {
        zones.put(name, ZoneId.of(zone));
    }

    public Person person(String name) {
        return new Person(id(name), name, Optional.ofNullable(zones.get(name)));
    }

    /** {@code say("bob", "/learn k8s")}: runs the command, then everything that fell due. */
    public String say(String name, String line) {
        String reply = sayOnly(name, line);
        bot.runDue();
        return reply;
    }

    /** Like {@link #say} without running what fell due: what the command alone does. */
    public String sayOnly(String name, String line) {
        int space = line.indexOf(' ');
        String command = space < 0 ? line : line.substring(0, space);
        String text = space < 0 ? "" : line.substring(space + 1);
        return text(bot.handle(Inbound.of(new Command(person(name), Optional.empty(), command, text))).reply());
    }

    public String sayIn(String name, String channel, String line) {
        int space = line.indexOf(' ');
        Reply reply = bot.handle(Inbound.of(new Command(person(name), Optional.of(ChannelId.of("console", channel)),
                space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1)))).reply();
        bot.runDue();
        return text(reply);
    }

    public String press(String name, String actionId) {
        Reply reply = bot.handle(Inbound.of(new ActionPress(person(name), Optional.empty(), actionId))).reply();
        bot.runDue();
        return text(reply);
    }

    /** A press of a button that carries a text box, with what was typed in it. */
    public String press(String name, String actionId, String typed) {
        Reply reply = bot.handle(Inbound.of(new ActionPress(person(name), Optional.empty(), actionId, typed))).reply();
        bot.runDue();
        return text(reply);
    }

    public void advance(java.time.Duration by) {
        clock.advance(by);
        bot.runDue();
    }

    public long count(String table) {
        return bot.database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private static String text(Reply reply) {
        StringBuilder all = new StringBuilder();
        reply.messages().stream().map(ConsoleMentions::render).forEach(m -> {
            all.append(m.text());
            m.fields().forEach(f -> all.append('\n').append(f.label()).append(": ").append(f.value()));
            m.buttons().forEach(b -> all.append("\n[").append(b.label()).append("] ").append(b.actionId()));
            all.append('\n');
        });
        return all.toString();
    }

    @Override
    public void close() {
        bot.close();
    }
}
