package dev.guildhall.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.app.Config;
import dev.guildhall.app.Main;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same data-access code on both stores: a script that goes through every capability (mentorship, guilds,
 * meetups with reminders, live sessions) prints the same messages on PostgreSQL as on SQLite, and never the
 * "something went wrong" reply a failing statement would give.
 */
class ConsoleParityPostgresIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyCapabilityAnswersTheSameOnPostgresqlAsOnSqlite() throws Exception {
        answersTheSame("/postgres/parity.txt", 80);
    }

    @Test
    void programmesAndChecksAnswerTheSameOnPostgresqlAsOnSqlite() throws Exception {
        answersTheSame("/programme/acceptance.txt", 60);
    }

    private void answersTheSame(String resource, int atLeast) throws Exception {
        // Given the script, and one run of it on a fresh SQLite file
        String script;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(resource))) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<JsonNode> onSqlite = run(Config.from(Map.of(Config.DB, dir.resolve(
                "parity-" + Math.abs(resource.hashCode()) + ".db").toString())), script);

        // When the same script runs on PostgreSQL
        List<JsonNode> onPostgres;
        try (Postgres postgres = new Postgres()) {
            onPostgres = run(postgres.config(Map.of()), script);
        }

        // Then every message is the same, in the same order, and none is the apology for a failed statement
        assertThat(onSqlite).hasSizeGreaterThan(atLeast);
        assertThat(onPostgres.stream().map(JsonNode::toString).toList())
                .containsExactlyElementsOf(onSqlite.stream().map(JsonNode::toString).toList());
        assertThat(onPostgres).noneMatch(line -> line.path("text").asText().contains("something went wrong"));
    }

    private List<JsonNode> run(Config config, String script) throws IOException {
        Path file = Files.createTempFile(dir, "script", ".txt");
        Files.writeString(file, script);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.console(new ConsoleApp.Options(file, true, file.resolveSibling("files")), config, AdjustableClock.fixedAt(START),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(line);
                // refs name a random console message id: the same message, another id
                node.remove(List.of("ref", "updates"));
                return (JsonNode) node;
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
