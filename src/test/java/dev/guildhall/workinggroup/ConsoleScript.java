package dev.guildhall.workinggroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.app.Config;
import dev.guildhall.app.Main;
import dev.guildhall.console.ConsoleApp;
import dev.guildhall.core.AdjustableClock;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a script the way {@code guildhall.jar console --script FILE --json} does, and reads its JSON lines. */
public final class ConsoleScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleScript() {
    }

    public static List<JsonNode> run(Path dir, AdjustableClock clock, String... lines) throws IOException {
        Path file = dir.resolve("script.txt");
        Files.writeString(file, String.join("\n", lines) + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Config config = Config.from(Map.of(Config.DB, dir.resolve("guildhall.db").toString()));
        int exit = Main.console(new ConsoleApp.Options(file, true, file.resolveSibling("files")), config, clock,
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new AssertionError("the script had a malformed line:\n" + printed);
        }
        return printed.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).toList();
    }

    /** The lines to one person (their replies and DMs). */
    public static List<JsonNode> to(List<JsonNode> lines, String person) {
        return lines.stream().filter(l -> person.equals(l.path("to").asText(null))).toList();
    }

    /** The texts to one person, each with its context after it, so one assertion can read either. */
    public static List<String> textsTo(List<JsonNode> lines, String person) {
        return to(lines, person).stream().map(ConsoleScript::fullText).toList();
    }

    /** The texts posted for everyone in a channel. */
    public static List<String> textsIn(List<JsonNode> lines, String channel) {
        return lines.stream().filter(l -> channel.equals(l.path("channel").asText(null))
                && !l.path("ephemeral").asBoolean()).map(ConsoleScript::fullText).toList();
    }

    public static List<String> buttons(JsonNode line) {
        return java.util.stream.StreamSupport.stream(line.path("buttons").spliterator(), false)
                .map(b -> b.get("id").asText()).toList();
    }

    private static String fullText(JsonNode line) {
        return line.path("text").asText() + (line.hasNonNull("context") ? "\n(" + line.get("context").asText() + ")"
                : "");
    }
}
