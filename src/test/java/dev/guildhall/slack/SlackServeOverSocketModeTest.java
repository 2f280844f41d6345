package dev.guildhall.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.app.Server;
import dev.guildhall.core.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} with an app token and no signing secret runs over Socket Mode. */
class SlackServeOverSocketModeTest {
    @TempDir
    Path dir;

    @Test
    void serveWithoutASigningSecretTakesCommandsOverTheSocket() throws Exception {
        SlackSocketModeTest.LocalSocketMode socket = new SlackSocketModeTest.LocalSocketMode();
        socket.start();
        assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
        try (FakeSlack slack = FakeSlack.start()) {
            slack.socketModeUrl("ws://127.0.0.1:" + socket.getPort() + "/link");
            try (Server server = Server.start(Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_APP_TOKEN", "xapp-1-test",
                    "SLACK_API_URL", slack.apiUrl(), "PORT", "0",
                    "GUILDHALL_DB", dir.resolve("bot.db").toString()), AdjustableClock.system(), false)) {
                assertThat(server.description()).contains("connected to Slack over Socket Mode")
                        .doesNotContain("/slack/events");
                assertThat(socket.connected.await(10, TimeUnit.SECONDS)).isTrue();
                // The client side notes the handshake a moment after the server side saw it open
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                java.net.http.HttpRequest readyz = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + server.managementPort() + "/readyz")).build();
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
                    java.net.http.HttpResponse<String> ready = http.send(readyz,
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    assertThat(ready.body()).contains("slack: ok");
                    assertThat(ready.statusCode()).isEqualTo(200);
                });

                ObjectNode envelope = FakeSlack.JSON.createObjectNode().put("envelope_id", "env-1")
                        .put("type", "slash_commands").put("accepts_response_payload", true);
                ObjectNode payload = envelope.putObject("payload");
                SlackRequests.slashCommand("U0ALICE", "alice", "/teach", "kubernetes", "C0GENERAL", "general",
                        "https://hooks.slack.com/commands/T0TEST/1/x").forEach(payload::put);
                socket.connection.send(envelope.toString());

                assertThat(socket.ackFor("env-1").get("payload").get("text").asText())
                        .contains("You now teach *kubernetes*");
            }
        } finally {
            socket.stop(1000);
        }
    }
}
