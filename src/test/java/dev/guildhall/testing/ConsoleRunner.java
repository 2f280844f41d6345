package dev.guildhall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.app.Config;
import dev.guildhall.app.Main;
import dev.guildhall.console.ConsoleApp;
import dev.guildhall.core.AdjustableClock;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Runs a script the way {@code guildhall.jar console --script FILE --json} does — one process of the bot: a fresh
 * start on the database, the script, everything due delivered, stop — and reads its JSON lines.
 */
public final class ConsoleRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleRunner() {
    }

    /** These lines as a script, on {@code dir/guildhall.db}. */
    public static List<JsonNode> run(Path dir, AdjustableClock clock, String... lines) throws IOException {
        Files.createDirectories(dir);
        return runScript(dir.resolve("guildhall.db"), clock, String.join("\n", lines) + "\n");
    }

    /** A script's text, on this database file (a second run on the same file is the next process). */
    public static List<JsonNode> runScript(Path database, AdjustableClock clock, String script) throws IOException {
        return runScript(database, clock, script, Optional.empty());
    }

    /** Like {@link #runScript(Path, AdjustableClock, String)}, the files the bot shares written to {@code files}. */
    public static List<JsonNode> runScript(Path database, AdjustableClock clock, String script, Optional<Path> files)
            throws IOException {
        return runScript(database, clock, script, Map.of(), files);
    }

    /** Like {@link #runScript(Path, AdjustableClock, String, Optional)}, with settings as environment variables. */
    public static List<JsonNode> runScript(Path database, AdjustableClock clock, String script, Map<String, String> env,
                                           Optional<Path> files) throws IOException {
        Path file = Files.createTempFile(database.getParent(), "script", ".txt");
        Files.writeString(file, script);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> settings = new java.util.HashMap<>(env);
        settings.put(Config.DB, database.toString());
        Config config = Config.from(settings);
        // never ./guildhall-files: a test's shared files stay in its own directory
        ConsoleApp.Options options = new ConsoleApp.Options(file, true,
                files.orElseGet(() -> database.resolveSibling("files")));
        int exit = Main.console(options, config, clock, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new AssertionError("the script had a malformed line:\n" + printed);
        }
        return printed.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    /** A script kept beside the tests, e.g. {@code /livesession/acceptance.txt}. */
    public static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(ConsoleRunner.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines to one person (their replies and DMs). */
    public static List<JsonNode> to(List<JsonNode> lines, String person) {
        return lines.stream().filter(l -> person.equals(l.path("to").asText(null))).toList();
    }

    /** The texts to one person, each with its context after it, so one assertion can read either. */
    public static List<String> textsTo(List<JsonNode> lines, String person) {
        return to(lines, person).stream().map(ConsoleRunner::textAndContext).toList();
    }

    /** The texts posted for everyone in a channel. */
    public static List<String> textsIn(List<JsonNode> lines, String channel) {
        return lines.stream().filter(l -> channel.equals(l.path("channel").asText(null))
                && !l.path("ephemeral").asBoolean()).map(ConsoleRunner::textAndContext).toList();
    }

    /** Everything {@code person} saw (replies and DMs, updates included), each flattened by {@link #flat}. */
    public static List<String> seenBy(List<JsonNode> lines, String person) {
        return to(lines, person).stream().map(ConsoleRunner::flat).toList();
    }

    /** Every line, each flattened by {@link #flat}. */
    public static List<String> everything(List<JsonNode> lines) {
        return lines.stream().map(ConsoleRunner::flat).toList();
    }

    public static List<String> buttons(JsonNode line) {
        return StreamSupport.stream(line.path("buttons").spliterator(), false).map(b -> b.get("id").asText()).toList();
    }

    /** One line as one string: its text (or note, or error), fields, context, then buttons with their ids. */
    public static String flat(JsonNode line) {
        StringBuilder text = new StringBuilder(line.path("text").asText(line.path("note").asText(
                line.path("error").asText(""))));
        line.path("fields").forEach(f -> text.append('\n').append(f.path("label").asText()).append(": ")
                .append(f.path("value").asText()));
        if (line.hasNonNull("context")) {
            text.append('\n').append(line.path("context").asText());
        }
        StreamSupport.stream(line.path("buttons").spliterator(), false)
                .forEach(b -> text.append("\n[").append(b.path("label").asText()).append("] ")
                        .append(b.path("id").asText()));
        return text.toString();
    }

    private static String textAndContext(JsonNode line) {
        return line.path("text").asText() + (line.hasNonNull("context") ? "\n(" + line.get("context").asText() + ")"
                : "");
    }
}
