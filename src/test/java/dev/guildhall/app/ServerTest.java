package dev.guildhall.app;

import dev.guildhall.config.ConfigException;
import dev.guildhall.core.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up of {@code serve}: every missing or malformed variable stops it, naming the variable. */
class ServerTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("GUILDHALL_DB", dir.resolve("bot.db").toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void missingOrMalformedVariablesAreNamed() {
        assertThatThrownBy(() -> Server.start(env(), AdjustableClock.system(), false))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SLACK_BOT_TOKEN is not set");
        assertThatThrownBy(() -> Server.start(env("SLACK_BOT_TOKEN", "xoxb-1"), AdjustableClock.system(), false))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
        assertThatThrownBy(() -> Server.start(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "PORT", "http"), AdjustableClock.system(), false))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("PORT must be a TCP port number");
        assertThatThrownBy(() -> Server.start(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "PORT", "70000"), AdjustableClock.system(), false)).hasMessageStartingWith("PORT must be");
        assertThatThrownBy(() -> Server.start(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "PORT", "3000", "MANAGEMENT_PORT", "3000"), AdjustableClock.system(), false))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("MANAGEMENT_PORT must differ from PORT");
        assertThatThrownBy(() -> Server.start(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "MANAGEMENT_PORT", "metrics"), AdjustableClock.system(), false))
                .hasMessageStartingWith("MANAGEMENT_PORT must be a TCP port number");
        assertThatThrownBy(() -> Server.start(env("SLACK_BOT_TOKEN", "xoxb-1", "GUILDHALL_MATCH_DEADLINE", "soon"),
                AdjustableClock.system(), false)).hasMessageStartingWith("GUILDHALL_MATCH_DEADLINE");
        assertThatThrownBy(() -> Server.start(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"),
                AdjustableClock.system(), true)).hasMessageStartingWith("SLACK_APP_TOKEN is not set");
    }

    @Test
    void aTakenPortIsNamed() throws Exception {
        int unreachable = closedPort();
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> Server.start(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                    "SLACK_API_URL", "http://127.0.0.1:" + unreachable + "/api/",
                    "PORT", String.valueOf(taken.getLocalPort())), AdjustableClock.system(), false))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("PORT=" + taken.getLocalPort()
                            + " is taken");
        }
    }

    @Test
    void serveAnswersHealthzEvenWhenSlackIsUnreachableAtStartUp() throws Exception {
        int unreachable = closedPort();
        try (Server server = Server.start(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "SLACK_API_URL", "http://127.0.0.1:" + unreachable + "/api/", "PORT", "0"),
                AdjustableClock.system(), false)) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok");
            // but it is not ready: Slack has not accepted the token yet
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.managementPort() + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("slack: FAILING", "database: ok");
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void serveAndSocketTakeNoOptions() {
        assertThat(Main.run(List.of("serve", "--port", "3000"))).isEqualTo(64);
        assertThat(Main.run(List.of("socket", "now"))).isEqualTo(64);
    }
}
