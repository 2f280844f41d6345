package dev.guildhall.livesession;

import dev.guildhall.testing.RecordingChatPort;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.console.ConsoleMentions;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.Database;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The bot with only live sessions, on a file database, a recording chat and a clock the test moves. */
final class LiveBot implements AutoCloseable {
    final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z"));
    final RecordingChatPort chat = new RecordingChatPort();
    private final Path database;
    private Guildhall bot;

    LiveBot(Path directory) {
        this.database = directory.resolve("guildhall.db");
        this.bot = open();
    }

    private Guildhall open() {
        return new Guildhall(Database.open(database.toString()), clock, chat, List.of(new LiveSessionCapability()));
    }

    /** A new process on the same database: whatever was only in memory (the session keys) is gone. */
    void restart() {
        bot.close();
        bot = open();
    }

    Database database() {
        return bot.database();
    }

    /** {@code who} types {@code line} (like "/wait ok") in {@code channel} (null for a DM); returns their reply. */
    String type(String who, String channel, String line) {
        String body = line.substring(1);
        int space = body.indexOf(' ');
        String name = space < 0 ? body : body.substring(0, space);
        String text = space < 0 ? "" : body.substring(space + 1);
        Reply reply = bot.handle(Inbound.of(new Command(person(who), channel(channel), name, text))).reply();
        bot.runDue();
        return text(reply);
    }

    String press(String who, String channel, String actionId) {
        return press(who, channel, actionId, "");
    }

    /** A button that sends text, pressed with {@code typed} in its box. */
    String press(String who, String channel, String actionId, String typed) {
        Reply reply = bot.handle(Inbound.of(new ActionPress(person(who), channel(channel), actionId, typed))).reply();
        bot.runDue();
        return text(reply);
    }

    /** Like {@link #press(String, String, String, String)}, delivered with the platform's request id (a retry repeats it). */
    String pressDelivered(String who, String channel, String actionId, String typed, String requestId) {
        ActionPress press = new ActionPress(person(who), channel(channel), actionId, typed);
        Reply reply = bot.handle(new Inbound.Pressed(press, Optional.of(requestId), Inbound.CallerContact.NONE))
                .reply();
        bot.runDue();
        return text(reply);
    }

    void advance(Duration by) {
        clock.advance(by);
        bot.runDue();
    }

    static Person person(String name) {
        return Person.of(PersonId.of("console", name), name);
    }

    private static Optional<ChannelId> channel(String name) {
        return Optional.ofNullable(name).map(n -> ChannelId.of("console", n));
    }

    private static String text(Reply reply) {
        return reply.messages().stream().map(ConsoleMentions::render).map(Message::text).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        bot.close();
    }
}
