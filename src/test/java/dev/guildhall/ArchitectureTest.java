package dev.guildhall;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The core stays platform-neutral: Slack and Teams types live only in their adapter packages. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/guildhall");

    private static List<String> importsOutside(String importPrefix, String allowedPackage) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !SOURCES.relativize(p).startsWith(allowedPackage))
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("import " + importPrefix)
                                    || l.startsWith("import static " + importPrefix));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
    }

    @Test
    void noSlackTypeOutsideTheSlackAdapter() throws IOException {
        assertThat(importsOutside("com.slack", "slack")).isEmpty();
    }

    @Test
    void noMicrosoftTypeOutsideTheTeamsAdapter() throws IOException {
        assertThat(importsOutside("com.microsoft", "teams")).isEmpty();
    }

    @Test
    void theScanSeesTheSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve("mentorship"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(5);
        }
    }
}
