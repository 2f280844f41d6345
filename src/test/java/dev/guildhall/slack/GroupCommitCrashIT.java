package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.guildhall.store.Database;
import dev.guildhall.testing.ServeJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: commands are committed in groups, and each is acked only after its group commits. Killed with SIGKILL
 * while sixteen clients keep groups forming, the bot must have kept every command it acked.
 */
class GroupCommitCrashIT {
    static final String SECRET = "s3cret";

    @TempDir
    Path dir;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aKillDuringGroupCommitsLosesNoAckedCommand() throws Exception {
        Path db = dir.resolve("guildhall.db");
        Map<String, String> acked = new ConcurrentHashMap<>(); // trigger id -> topic, for every command acked as done
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (FakeSlack slack = FakeSlack.start()) {
            // Given the packaged bot under sixteen clients sending distinct /teach commands as fast as it answers
            ServeJar guildhall = ServeJar.start(dir.resolve("guildhall.log"), Map.of(
                    "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", "xoxb-test",
                    "SLACK_API_URL", slack.apiUrl(), "GUILDHALL_DB", db.toString()));
            try {
                for (int c = 0; c < 16; c++) {
                    int client = c;
                    clients.submit(() -> {
                        for (int i = 0; sending.get(); i++) {
                            send(guildhall.port(), "U" + client + "X" + (i % 50), "topic" + client + "x" + i, acked);
                        }
                        return null;
                    });
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= 300);

                // When it is killed with SIGKILL mid-stream
                guildhall.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } finally {
                sending.set(false);
                clients.shutdown();
                clients.awaitTermination(30, TimeUnit.SECONDS);
                guildhall.close();
            }
        }

        // Then every acked command's effect and request key are in the database
        Set<String> acknowledged = new HashSet<>(acked.keySet());
        try (Database reopened = Database.open(db.toString())) {
            Set<String> keys = new HashSet<>(reopened.read(h -> h.createQuery(
                    "SELECT request_key FROM handled_request").mapTo(String.class).list()));
            Set<String> topics = new HashSet<>(reopened.read(h -> h.createQuery(
                    "SELECT topic FROM teaching_offer").mapTo(String.class).list()));
            List<String> lost = acknowledged.stream().filter(trigger -> !keys.contains("slack:trigger:" + trigger)
                    || !topics.contains(acked.get(trigger))).toList();
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
            assertThat(lost).as("acked before the kill but not in the database").isEmpty();
        }
    }

    private void send(int port, String user, String topic, Map<String, String> acked) {
        Map<String, String> form = SlackRequests.slashCommand(user, user.toLowerCase(), "/teach", topic, "C0GENERAL",
                "general", "https://hooks.slack.com/commands/T0TEST/1/x");
        String body = SlackRequests.form(form);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/slack/events"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("You now teach")) {
                acked.put(form.get("trigger_id"), topic);
            }
        } catch (Exception killedMidRequest) {
            // no ack: nothing promised
        }
    }
}
