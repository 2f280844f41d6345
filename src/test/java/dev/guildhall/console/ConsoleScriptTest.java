package dev.guildhall.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.app.Config;
import dev.guildhall.app.Main;
import dev.guildhall.core.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console adapter end to end, in-process: a script in, JSON lines out. */
class ConsoleScriptTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<JsonNode> run(String script, Instant start) throws Exception {
        Path file = dir.resolve("script-" + System.nanoTime() + ".txt");
        Files.writeString(file, script);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.console(new ConsoleApp.Options(file, true, file.resolveSibling("files")),
                Config.from(Map.of(Config.DB, dir.resolve("g.db").toString())), AdjustableClock.fixedAt(start),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static List<JsonNode> to(List<JsonNode> lines, String person, boolean ephemeral) {
        return lines.stream().filter(l -> person.equals(l.path("to").asText()) && l.path("ephemeral").asBoolean() == ephemeral)
                .toList();
    }

    @Test
    void theAcceptanceScriptProposesAMatchAndAPressInANewRunConfirmsIt() throws Exception {
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        // When
        List<JsonNode> first = run("@alice /teach kubernetes\n@bob /learn k8s\n", start);
        // Then both get a DM naming kubernetes, with Accept/Decline for alice
        JsonNode proposal = to(first, "alice", false).get(0);
        assertThat(proposal.path("text").asText()).contains("kubernetes");
        assertThat(proposal.path("channel").isNull()).isTrue();
        assertThat(proposal.path("buttons")).extracting(b -> b.path("label").asText()).containsExactly("Accept", "Decline");
        assertThat(to(first, "bob", false)).singleElement()
                .satisfies(dm -> assertThat(dm.path("text").asText()).contains("kubernetes"));

        // When alice presses Accept in a new run on the same database
        String accept = proposal.path("buttons").get(0).path("id").asText();
        List<JsonNode> second = run("@alice !press " + accept + "\n", start.plusSeconds(60));
        // Then both are told the match is on; alice's proposal is updated in place
        JsonNode updated = to(second, "alice", false).get(0);
        assertThat(updated.path("updates").asText()).isEqualTo(proposal.path("ref").asText());
        assertThat(updated.path("text").asText()).contains("match is on");
        assertThat(to(second, "bob", false)).singleElement()
                .satisfies(dm -> assertThat(dm.path("text").asText()).contains("match is on"));
    }

    @Test
    void channelsRepliesAndTheClockShowInTheJson() throws Exception {
        List<JsonNode> lines = run("""
                # comments and blank lines are skipped

                @alice #platform /teach rust
                @bob #platform /learn rust
                !advance 3d1h
                """, Instant.parse("2026-03-02T09:00:00Z"));
        JsonNode reply = to(lines, "alice", true).get(0);
        assertThat(reply.path("channel").asText()).isEqualTo("platform");
        assertThat(reply.path("text").asText()).contains("You now teach *rust*");
        assertThat(lines).anySatisfy(l -> assertThat(l.path("note").asText()).contains("the clock is now 2026-03-05T10:00:00Z"));
        assertThat(to(lines, "alice", false))
                .anySatisfy(l -> assertThat(l.path("text").asText()).contains("expired"));
    }

    @Test
    void theConsoleShowsALongAnnouncementWholeAndPagesALongListWithAPressableMoreButton() throws Exception {
        // Given 30 guilds, bob in the first, and an announcement of 3,950 characters
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            script.append(String.format("@alice /guild create g%02d \"Guild %d\"%n", i, i));
        }
        String text = ("Q&A <room 4> & coffee > tea. ").repeat(140).substring(0, 3_950);
        script.append("@bob /guild join g00\n@alice /guild announce g00 ").append(text).append('\n');
        script.append("@bob /guild list\n@bob !press guild.list:25\n");

        // When the script runs
        List<JsonNode> lines = run(script.toString(), Instant.parse("2026-03-02T09:00:00Z"));

        // Then bob's DM carries the whole announcement
        List<JsonNode> toBob = to(lines, "bob", false);
        assertThat(toBob).anySatisfy(l -> assertThat(l.path("text").asText()).endsWith(":\n" + text));
        // and the list shows 25 with a button for the rest, which shows the last 5 and no button
        List<JsonNode> answers = to(lines, "bob", true);
        JsonNode first = answers.get(answers.size() - 2);
        JsonNode more = answers.get(answers.size() - 1);
        assertThat(first.path("text").asText()).isEqualTo("🏛 Guilds — 1–25 of 30");
        assertThat(first.path("fields")).hasSize(25);
        assertThat(first.path("buttons").get(0).path("id").asText()).isEqualTo("guild.list:25");
        assertThat(first.path("buttons").get(0).path("label").asText()).isEqualTo("Show more (26–30 of 30)");
        assertThat(more.path("text").asText()).isEqualTo("🏛 Guilds — 26–30 of 30");
        assertThat(more.path("fields")).hasSize(5);
        assertThat(more.path("buttons")).isEmpty();
    }
}
