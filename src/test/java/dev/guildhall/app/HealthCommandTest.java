package dev.guildhall.app;

import dev.guildhall.core.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code health} (the container's HEALTHCHECK) and {@code export FOLDER}. */
class HealthCommandTest {
    @TempDir
    Path dir;

    @Test
    void healthExitsZeroWhileServeAnswersAndOneWhenNothingListens() throws Exception {
        try (Server server = Server.start(Map.of("GUILDHALL_DB", dir.resolve("bot.db").toString(), "PORT", "0",
                "GUILDHALL_TEAMS_DEV", "true"), AdjustableClock.system(), false)) {
            assertThat(Main.health(Map.of("PORT", String.valueOf(server.port())))).isZero();
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(Main.health(Map.of("PORT", String.valueOf(closed)))).isEqualTo(1);
    }

    @Test
    void exportNeedsAFolder() {
        assertThat(Main.run(java.util.List.of("export"))).isEqualTo(64);
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }
}
