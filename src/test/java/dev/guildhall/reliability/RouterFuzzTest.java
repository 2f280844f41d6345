package dev.guildhall.reliability;

import dev.guildhall.command.CommandSpec;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.Reply;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.HostileTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RouterFuzzTest {
    private static final int TEXTS = 10_000;

    @RegisterExtension
    final BotExtension bot = BotExtension.wholeBot();

    @Test
    void tenThousandHostileTextsEachGetAClearReplyAndLeaveTheDatabaseIntact() {
        // Given the whole bot, every command it has, and reproducible hostile texts
        List<String> commands = new ArrayList<>(bot.bot().router().commands().stream().map(CommandSpec::name)
                .toList());
        commands.add("nosuchcommand");
        HostileTexts texts = new HostileTexts(20261126L);
        List<String> unclear = new ArrayList<>();
        // When each text is typed after some command, by a handful of people
        for (int i = 0; i < TEXTS; i++) {
            String name = commands.get(i % commands.size());
            String text = texts.next(i);
            Person caller = bot.person("fuzzer" + (i % 7));
            Reply reply;
            try {
                reply = bot.bot().handle(Inbound.of(new Command(caller, Optional.empty(), name, text))).reply();
            } catch (RuntimeException e) {
                unclear.add("/" + name + " " + preview(text) + " threw " + e);
                continue;
            }
            // Then the reply is a message a person can read, never a stack trace or an empty answer
            if (reply.messages().isEmpty() || reply.messages().stream().map(Message::text)
                    .anyMatch(t -> t.isBlank() || t.contains("Exception") || t.contains("\tat "))) {
                unclear.add("/" + name + " " + preview(text) + " -> " + reply.messages());
            }
        }
        assertThat(unclear).isEmpty();
        // And the database is intact
        String integrity = bot.bot().database().read(h -> h.createQuery("PRAGMA integrity_check")
                .mapTo(String.class).one());
        assertThat(integrity).isEqualTo("ok");
    }

    private static String preview(String text) {
        String escaped = text.codePoints().limit(80).collect(StringBuilder::new,
                (out, c) -> out.append(c < 0x20 ? String.format("\\u%04x", c) : Character.toString(c)),
                StringBuilder::append).toString();
        return "\"" + escaped + "\"" + (text.length() > 80 ? "... (" + text.length() + " chars)" : "");
    }
}
