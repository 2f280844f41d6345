package dev.guildhall.guild;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The guild code, and the core parts it relies on, speak only through the neutral port: no Slack or Teams types. */
class GuildIsPlatformNeutralTest {
    @Test
    void noSlackOrTeamsImports() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Stream.of("guild", "core", "outbox", "schedule", "people")
                .map(pkg -> Path.of("src/main/java/dev/guildhall", pkg))
                .flatMap(GuildIsPlatformNeutralTest::walk)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(20);
        for (Path source : sources) {
            assertThat(Files.readString(source)).as(source.toString())
                    .doesNotContain("import com.slack").doesNotContain("import com.microsoft");
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
