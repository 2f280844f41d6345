package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.guildhall.app.Server;
import dev.guildhall.core.AdjustableClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * How fast {@code POST /slack/events} acks a signed slash command, end to end over local HTTP: signature check,
 * Bolt, one SQLite transaction, Block Kit. Not a test (speed goals never are); run it by hand:
 * <pre>
 * mvn -B -q package -DskipTests &amp;&amp; mvn -B -q test-compile
 * java -cp target/guildhall.jar:target/test-classes dev.guildhall.slack.SlackAckBenchmark [requests]
 * </pre>
 * Add {@code -Dsun.net.httpserver.nodelay=false} to see what Nagle's algorithm costs the JDK server.
 */
public final class SlackAckBenchmark {
    private SlackAckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("guildhall-bench");
        try (FakeSlack slack = FakeSlack.start();
             Server server = Server.start(Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", "s3cret",
                     "SLACK_API_URL", slack.apiUrl(), "PORT", "0",
                     "GUILDHALL_DB", dir.resolve("bench.db").toString()), AdjustableClock.system(), false)) {
            HttpClient client = HttpClient.newHttpClient();
            URI events = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
            URI health = URI.create("http://127.0.0.1:" + server.port() + "/healthz");
            for (int i = 0; i < 500; i++) {
                command(client, events, i);
                client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
            }
            long[] healthNanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
                healthNanos[i] = System.nanoTime() - start;
            }
            long[] ackNanos = new long[requests];
            long all = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                int status = command(client, events, i);
                ackNanos[i] = System.nanoTime() - start;
                if (status != 200) {
                    throw new IllegalStateException("HTTP " + status);
                }
            }
            double seconds = (System.nanoTime() - all) / 1e9;
            System.out.printf("nodelay=%s%n", System.getProperty("sun.net.httpserver.nodelay"));
            report("GET /healthz", healthNanos);
            report("signed /teach list -> ack", ackNanos);
            System.out.printf("sequential acks: %.0f per second%n", requests / seconds);
        }
    }

    private static int command(HttpClient client, URI events, int i) throws Exception {
        String body = SlackRequests.form(SlackRequests.slashCommand("U0BENCH" + (i % 20), "bench" + (i % 20),
                "/teach", "list", "C0BENCH", "bench", "https://hooks.slack.com/commands/T0/1/x"));
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator("s3cret").generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-28s p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (n=%d)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
