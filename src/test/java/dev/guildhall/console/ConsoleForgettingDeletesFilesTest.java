package dev.guildhall.console;

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
import java.util.List;
import java.util.Map;
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
        Path file = dir.resolve("script.txt");
        Files.writeString(file, script);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Config config = Config.from(Map.of(Config.DB, dir.resolve("guildhall.db").toString(),
                "GUILDHALL_ADMINS", "console:root"));
        int exit = Main.console(new ConsoleApp.Options(file, true, dir.resolve("files")), config,
                AdjustableClock.fixedAt(java.time.Instant.parse("2026-03-02T09:00:00Z")),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
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
