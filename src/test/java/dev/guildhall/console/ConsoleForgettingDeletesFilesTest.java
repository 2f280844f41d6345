package dev.guildhall.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The console writes shared files to its folder; forgetting someone in an export deletes those files. */
class ConsoleForgettingDeletesFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws Exception {
        if (!Files.isDirectory(dir.resolve("files"))) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(dir.resolve("files"))) {
            return listed.toList();
        }
    }

    private String run(String script) throws Exception {
        AdjustableClock clock = AdjustableClock.fixedAt(BotExtension.START);
        List<JsonNode> lines = ConsoleRunner.runScript(dir.resolve("guildhall.db"), clock, script,
                Map.of("GUILDHALL_ADMINS", "console:root"), Optional.of(dir.resolve("files")));
        return String.join("\n", ConsoleRunner.everything(lines));
    }

    @Test
    void theExportFilesOnDiskAreDeletedWhenSomeoneInThemIsForgotten() throws Exception {
        // Given an admin exported while alice was known: two files on disk
        run("""
                @alice /learn rust
                @root /guildhall admin export
                """);
        assertThat(files()).hasSize(2);

        // When an admin forgets alice
        String printed = run("@root /guildhall admin forget @alice\n");

        // Then both files are gone, and the console says so
        assertThat(files()).isEmpty();
        assertThat(printed).contains("deleted ");
    }
}
