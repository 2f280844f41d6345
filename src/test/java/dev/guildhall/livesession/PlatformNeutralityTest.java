package dev.guildhall.livesession;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The live-session domain talks to chats only through the neutral core: no Slack or Teams type in it. */
class PlatformNeutralityTest {
    @Test
    void liveSessionsImportNoPlatformTypes() throws IOException {
        Path sources = Path.of("src/main/java/dev/guildhall/livesession");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("import com.slack").doesNotContain("import com.microsoft");
        }
    }
}
