package dev.guildhall.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar, as a user runs it: two processes on one database file. */
class ConsoleJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target/guildhall.jar");

    @TempDir
    Path dir;

    private record Run(int exitCode, List<JsonNode> lines, String stderr) {
    }

    private Run run(String script, String... extraArgs) throws IOException, InterruptedException {
        Path file = dir.resolve("script-" + System.nanoTime() + ".txt");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "console", "--script", file.toString(), "--json"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("GUILDHALL_DB", dir.resolve("guildhall.db").toString());
        builder.environment().put(ConsoleApp.Options.FILES_DIR, dir.resolve("files").toString());
        builder.redirectError(dir.resolve("stderr.txt").toFile());
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(process.exitValue(), lines, Files.readString(dir.resolve("stderr.txt")));
    }

    private static List<JsonNode> dmsTo(Run run, String person) {
        return run.lines().stream()
                .filter(l -> person.equals(l.path("to").asText()) && !l.path("ephemeral").asBoolean()).toList();
    }

    @Test
    void theAcceptanceScriptThenAPressInANewProcess() throws Exception {
        // When
        Run first = run("@alice /teach kubernetes\n@bob /learn k8s\n");
        // Then
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        JsonNode proposal = dmsTo(first, "alice").get(0);
        assertThat(proposal.path("text").asText()).contains("kubernetes");
        assertThat(proposal.path("buttons")).extracting(b -> b.path("label").asText())
                .containsExactly("Accept", "Decline");
        assertThat(dmsTo(first, "bob")).singleElement()
                .satisfies(dm -> assertThat(dm.path("text").asText()).contains("kubernetes"));

        // When the button is pressed in a new process on the same database
        Run second = run("@alice !press " + proposal.path("buttons").get(0).path("id").asText() + "\n");
        // Then
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(dmsTo(second, "alice")).anySatisfy(m -> assertThat(m.path("text").asText()).contains("match is on"));
        assertThat(dmsTo(second, "bob")).singleElement()
                .satisfies(m -> assertThat(m.path("text").asText()).contains("match is on"));
    }

    @Test
    void aMalformedLineIsReportedAndTheExitCodeSaysSo() throws Exception {
        Run run = run("teach kubernetes\n@alice /teach go\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines().get(0).path("error").asText()).contains("@alice /teach kubernetes");
        assertThat(run.lines().get(1).path("text").asText()).contains("You now teach *go*");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Run run = run("", "--colour");
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.stderr()).contains("Unknown option \"--colour\"");
    }
}
