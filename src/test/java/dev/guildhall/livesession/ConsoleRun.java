package dev.guildhall.livesession;

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

/** Runs a console script the way {@code guildhall.jar console --script FILE --json} does, and reads its JSON lines. */
public final class ConsoleRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleRun() {
    }

    public static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(ConsoleRun.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One process of the bot: a fresh start on the database, the script, everything due delivered, stop. */
    public static List<JsonNode> run(Path database, AdjustableClock clock, String script) throws IOException {
        Path file = Files.createTempFile(database.getParent(), "script", ".txt");
        Files.writeString(file, script);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Config config = Config.from(Map.of(Config.DB, database.toString()));
        int exit = Main.console(new ConsoleApp.Options(file, true, file.resolveSibling("files")), config, clock,
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new AssertionError("the script had a malformed line:\n" + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
