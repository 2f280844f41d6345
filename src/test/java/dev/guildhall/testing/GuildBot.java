package dev.guildhall.testing;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.console.ConsoleMentions;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.Database;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The whole bot on a database file, driven like the console: people by name, commands as typed. */
public final class GuildBot implements AutoCloseable {
    public static final Instant BASE = Instant.parse("2026-11-26T09:00:00Z");

    public final Guildhall bot;
    public final AdjustableClock clock;
    private final Map<String, ZoneId> zones = new java.util.HashMap<>();

    public GuildBot(Path dbFile, AdjustableClock clock, ChatPort port) {
        this.clock = clock;
        Config config = Config.from(Map.of(Config.DB, dbFile.toString()));
        this.bot = new Guildhall(Database.open(dbFile.toString()), clock, port, Wiring.capabilities(config));
    }

    public static GuildBot on(Path dbFile, ChatPort port) {
        return new GuildBot(dbFile, AdjustableClock.fixedAt(BASE), port);
    }

    public GuildBot zone(String name, String zone) {
        zones.put(name, ZoneId.of(zone));
        return this;
    }

    public Person person(String name) {
        return new Person(PersonId.of("console", name), name, Optional.ofNullable(zones.get(name)));
    }

    /** Runs "/command text" as a person and delivers what is due, like a console line. */
    public String say(String name, String line) {
        return sayIn(name, null, line);
    }

    /** Like {@link #say}, typed in a console channel (null: a DM with the bot). */
    public String sayIn(String name, String channel, String line) {
        String body = line.startsWith("/") ? line.substring(1) : line;
        int space = body.indexOf(' ');
        Optional<ChannelId> where = Optional.ofNullable(channel).map(c -> ChannelId.of("console", c));
        Reply reply = bot.handle(Inbound.of(new Command(person(name), where, space < 0 ? body : body.substring(0, space),
                space < 0 ? "" : body.substring(space + 1)))).reply();
        bot.runDue();
        return text(reply);
    }

    public String press(String name, String actionId) {
        Reply reply = bot.handle(Inbound.of(new ActionPress(person(name), Optional.<ChannelId>empty(), actionId))).reply();
        bot.runDue();
        return text(reply);
    }

    public static String text(Reply reply) {
        return reply.messages().stream().map(ConsoleMentions::render).map(m -> m.text() + m.fields().stream()
                        .map(f -> "\n" + f.label() + ": " + f.value()).collect(Collectors.joining())
                        + (m.context() == null ? "" : "\n(" + m.context() + ")"))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        bot.close();
    }
}
