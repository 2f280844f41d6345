package dev.guildhall.testing;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.command.Capability;
import dev.guildhall.console.ConsoleMentions;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.Database;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The whole bot (or some capabilities of it) on a real SQLite file in a temporary directory, with a recording chat and
 * a clock the test moves; people are console people named as typed. Register it on a field:
 * {@code @RegisterExtension final BotExtension t = BotExtension.wholeBot();} — it opens the bot before each test and
 * closes every bot it opened, then deletes the directory, after it.
 */
public final class BotExtension implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    /** Where guild and live-session tests start: a Thursday morning, with meetups still ahead in the year. */
    public static final Instant LATE_NOVEMBER = Instant.parse("2026-11-26T09:00:00Z");

    public final AdjustableClock clock;
    public final RecordingChatPort chat = new RecordingChatPort("console");
    private final Function<Config, List<Capability>> capabilities;
    private final Map<String, String> env;
    /** The store every bot opens (a PostgreSQL schema in the *PostgresIT tests); null: a SQLite file of its own. */
    private final Config store;
    private final boolean started;
    private final Instant start;
    private final Map<String, ZoneId> zones = new HashMap<>();
    private final List<Guildhall> opened = new ArrayList<>();
    private Path directory;
    private Path database;
    private Guildhall bot;

    private BotExtension(Instant start, Map<String, String> env, Config store,
                         Function<Config, List<Capability>> capabilities, boolean started) {
        this.start = start;
        this.clock = AdjustableClock.fixedAt(start);
        this.env = env;
        this.store = store;
        this.capabilities = capabilities;
        this.started = started;
    }

    /** Every capability, started as {@code Main} starts it, at {@link #START}. */
    public static BotExtension wholeBot() {
        return new BotExtension(START, Map.of(), null, Wiring::capabilities, true);
    }

    /** Only these capabilities (a fresh list per bot: a capability may keep state in memory). */
    public static BotExtension only(java.util.function.Supplier<List<Capability>> capabilities) {
        return new BotExtension(START, Map.of(), null, config -> capabilities.get(), true);
    }

    public BotExtension startingAt(Instant start) {
        return new BotExtension(start, env, store, capabilities, started);
    }

    /** Settings as environment variables (the database's is the extension's own). */
    public BotExtension withEnv(Map<String, String> settings) {
        return new BotExtension(start, settings, store, capabilities, started);
    }

    /** Without the capabilities' start-up work (insights' daily round), like a bot that only answers. */
    public BotExtension unstarted() {
        return new BotExtension(start, env, store, capabilities, false);
    }

    /** On the store {@code config} names (e.g. {@code Postgres.config}) instead of a SQLite file; env is ignored. */
    public BotExtension on(Config config) {
        return new BotExtension(start, env, config, capabilities, started);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        begin();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Opens the bot outside a test's lifecycle (a helper that makes messages with the real bot); close it after. */
    public BotExtension begin() {
        try {
            directory = Files.createTempDirectory("guildhall-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = directory.resolve("guildhall.db");
        bot = open(database);
        return this;
    }

    @Override
    public void close() {
        opened.forEach(Guildhall::close);
        opened.clear();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another process on the same database beside the bot (a replica), sharing the clock and the chat. */
    public Guildhall replica() {
        return open(database);
    }

    private Guildhall open(Path file) {
        Config config = store != null ? store : sqliteConfig(file);
        Database db = store != null ? Wiring.open(store) : Database.open(file.toString());
        Guildhall opening = new Guildhall(db, clock, chat, capabilities.apply(config), config.sendPace(),
                config.retention());
        opened.add(opening);
        if (started) {
            opening.start();
        }
        return opening;
    }

    private Config sqliteConfig(Path file) {
        Map<String, String> all = new HashMap<>(env);
        all.put(Config.DB, file.toString());
        return Config.from(all);
    }

    /** A new process on the same database: whatever was only in memory is gone; the chat and the clock go on. */
    public void restart() {
        bot.close();
        opened.remove(bot);
        bot = open(database);
    }

    /** A new world: a fresh database of this name and an empty chat; the clock goes on. */
    public void startOver(String databaseFile) {
        bot.close();
        opened.remove(bot);
        chat.clear();
        database = directory.resolve(databaseFile);
        bot = open(database);
    }

    public Guildhall bot() {
        return bot;
    }

    public Database database() {
        return bot.database();
    }

    /** The database file, for a second process or a console run on it. */
    public Path databaseFile() {
        return database;
    }

    public Path directory() {
        return directory;
    }

    public static PersonId id(String name) {
        return PersonId.of("console", name);
    }

    public BotExtension zone(String name, String zone) {
        zones.put(name, ZoneId.of(zone));
        return this;
    }

    public Person person(String name) {
        return new Person(id(name), name, Optional.ofNullable(zones.get(name)));
    }

    /** {@code say("bob", "/learn k8s")}: runs the command in a DM with the bot, then everything that fell due. */
    public String say(String name, String line) {
        return sayIn(name, null, line);
    }

    /** Like {@link #say}, typed in a console channel (null: a DM with the bot). */
    public String sayIn(String name, String channel, String line) {
        return handle(Inbound.of(command(name, channel, line)));
    }

    private Command command(String name, String channel, String line) {
        String body = line.startsWith("/") ? line.substring(1) : line;
        int space = body.indexOf(' ');
        return new Command(person(name), channel(channel), space < 0 ? body : body.substring(0, space),
                space < 0 ? "" : body.substring(space + 1));
    }

    /** Like {@link #say} without running what fell due: what the command alone does (statement counts). */
    public String sayOnly(String name, String line) {
        return text(bot.handle(Inbound.of(command(name, null, line))).reply());
    }

    public String press(String name, String actionId) {
        return press(name, null, actionId, "");
    }

    public String press(String name, String channel, String actionId) {
        return press(name, channel, actionId, "");
    }

    /** A button pressed in a channel (null: a DM), with {@code typed} in its box when it asks for text. */
    public String press(String name, String channel, String actionId, String typed) {
        return handle(Inbound.of(new ActionPress(person(name), channel(channel), actionId, typed)));
    }

    /** Like {@link #press(String, String, String, String)}, with the platform's request id (a retry repeats it). */
    public String pressDelivered(String name, String channel, String actionId, String typed, String requestId) {
        ActionPress press = new ActionPress(person(name), channel(channel), actionId, typed);
        return handle(new Inbound.Pressed(press, Optional.of(requestId), Inbound.CallerContact.NONE));
    }

    public void advance(Duration by) {
        clock.advance(by);
        bot.runDue();
    }

    public long count(String table) {
        return bot.database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private String handle(Inbound inbound) {
        Reply reply = bot.handle(inbound).reply();
        bot.runDue();
        return text(reply);
    }

    private static Optional<ChannelId> channel(String name) {
        return Optional.ofNullable(name).map(n -> ChannelId.of("console", n));
    }

    /** A reply as a chat without markup shows it: text, fields, context, then buttons with their action ids. */
    public static String text(Reply reply) {
        return reply.messages().stream().map(ConsoleMentions::render).map(m -> {
            StringBuilder all = new StringBuilder(m.text());
            m.fields().forEach(f -> all.append('\n').append(f.label()).append(": ").append(f.value()));
            if (m.context() != null) {
                all.append("\n(").append(m.context()).append(')');
            }
            m.buttons().forEach(b -> all.append("\n[").append(b.label()).append("] ").append(b.actionId()));
            return all.toString();
        }).collect(java.util.stream.Collectors.joining("\n"));
    }
}
