package dev.guildhall.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack's types stay in the Slack adapter: the core, the other adapters and the HTTP server never see them. */
class PlatformBoundaryTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path SLACK_ADAPTER = SOURCES.resolve("dev/guildhall/slack");

    private static List<String> offenders(String importPrefix, Path allowed) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(allowed))
                    .filter(file -> read(file).lines().map(String::strip)
                            .anyMatch(line -> line.startsWith("import " + importPrefix)
                                    || line.startsWith("import static " + importPrefix)))
                    .map(Path::toString)
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noSlackTypeIsImportedOutsideTheSlackAdapterPackage() throws IOException {
        assertThat(Files.isDirectory(SLACK_ADAPTER)).isTrue();
        assertThat(offenders("com.slack", SLACK_ADAPTER)).isEmpty();
    }

    @Test
    void noFullyQualifiedSlackTypeIsUsedOutsideItEither() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertThat(files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SLACK_ADAPTER))
                    .filter(file -> read(file).contains("com.slack."))
                    .map(Path::toString)
                    .toList()).isEmpty();
        }
    }
}
