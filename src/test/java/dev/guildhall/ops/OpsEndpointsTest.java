package dev.guildhall.ops;

import dev.guildhall.app.Server;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}'s operator endpoints: /healthz, /readyz and /metrics on the management port, on a real server and
 * database file; the port the platforms reach answers only /healthz of them.
 */
class OpsEndpointsTest {
    @TempDir
    Path dir;
    private Server server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        // Teams in development mode: a server with no platform to reach, so only the store and scheduler matter.
        server = Server.start(Map.of("GUILDHALL_DB", dir.resolve("bot.db").toString(), "PORT", "0",
                "GUILDHALL_TEAMS_DEV", "true"), AdjustableClock.system(), false);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(server.managementPort(), path);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void say(String who, String command, String text) {
        server.bot().handle(Inbound.of(new Command(Person.of(PersonId.of("teams", "tenant", who), who),
                Optional.of(ChannelId.of("teams", "general")), command, text))).reply();
    }

    private static double sample(String metrics, String line) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(line) + " ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(matcher.find()).as("metrics has a line " + line).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void metricsCountTheCommandsHandledByNameAndOutcome() throws Exception {
        // Given a few commands, one of them bad input
        say("alice", "teach", "kubernetes");
        say("bob", "learn", "kubernetes");
        say("carol", "learn", "");
        say("carol", "learn", "--nonsense");

        // When Prometheus scrapes
        HttpResponse<String> response = get("/metrics");

        // Then the counters, the latency histogram, the store's figures and the JVM are there
        assertThat(response.statusCode()).isEqualTo(200);
        String metrics = response.body();
        assertThat(sample(metrics, "guildhall_commands_total{command=\"/teach\",outcome=\"ok\"}")).isEqualTo(1);
        assertThat(sample(metrics, "guildhall_commands_total{command=\"/learn\",outcome=\"ok\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("guildhall_commands_total{command=\"/learn\",outcome=\"refused\"}");
        assertThat(sample(metrics, "guildhall_ack_latency_seconds_count")).isEqualTo(4);
        assertThat(metrics).contains("guildhall_ack_latency_seconds_bucket{le=");
        assertThat(sample(metrics, "guildhall_matches_made_total")).isEqualTo(1);
        assertThat(metrics).contains("guildhall_outbox_depth ", "guildhall_outbox_failures_total ",
                "guildhall_live_sessions_active ", "jvm_memory_used_bytes", "jvm_threads_live_threads");
        assertThat(metrics).doesNotContain("alice", "bob", "carol");
    }

    @Test
    void metricsAndReadinessAreNotServedWhereThePlatformsReachTheBot() throws Exception {
        assertThat(server.managementPort()).isNotEqualTo(server.port());
        assertThat(get(server.port(), "/metrics").statusCode()).isEqualTo(404);
        assertThat(get(server.port(), "/readyz").statusCode()).isEqualTo(404);
        assertThat(get(server.port(), "/healthz").statusCode()).isEqualTo(200);
        assertThat(server.description()).contains("for operators on port " + server.managementPort());
    }

    @Test
    void anonymousCommandsAreOneUntimedCountThatNamesNoCommand() throws Exception {
        // Given a live session with two anonymous flags and one named command
        say("alice", "session", "start \"Kubernetes 101\"");
        double timedBefore = sample(get("/metrics").body(), "guildhall_ack_latency_seconds_count");
        say("bob", "wait", "");
        say("carol", "wait", "what is a pod?");

        // When Prometheus scrapes
        String metrics = get("/metrics").body();

        // Then both count under one label, neither is timed, and nothing says /wait
        assertThat(sample(metrics, "guildhall_commands_total{command=\"anonymous\",outcome=\"ok\"}")).isEqualTo(2);
        assertThat(sample(metrics, "guildhall_ack_latency_seconds_count")).isEqualTo(timedBefore);
        assertThat(metrics).doesNotContain("/wait", "wait\"", "bob", "carol");
    }

    @Test
    void readyzFailsWhileTheDatabaseFileIsUnreadableAndRecoversWhenItIsBack() throws Exception {
        // Given a running server that is ready
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").body()).contains("database: ok", "scheduler: ok", "teams: ok");
        Path file = dir.resolve("bot.db");
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(file);

        // When the database file is made unreadable
        Files.setPosixFilePermissions(file, Set.of());
        try {
            // Then the bot is not ready, though still alive
            HttpResponse<String> notReady = get("/readyz");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("not ready", "database: FAILING", "scheduler: ok");
            assertThat(get(server.port(), "/healthz").statusCode()).isEqualTo(200);
        } finally {
            Files.setPosixFilePermissions(file, before);
        }

        // And once it is readable again, it is ready again
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void readyzFailsWhenTheDatabaseFileIsReplaced() throws Exception {
        // Given a ready server whose database file is then swapped for another (a restore under a running bot)
        Path file = dir.resolve("bot.db");
        Path copy = dir.resolve("copy.db");
        Files.copy(file, copy);

        // When the copy takes its place
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // Then the bot is not ready: its open connections still point at the old file
        assertThat(get("/readyz").statusCode()).isEqualTo(503);
    }

    @Test
    void headOnTheProbesIsAnsweredLikeGetWithoutABody() throws Exception {
        // Given a running server, When a probe asks with HEAD (as some load balancers do)
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/healthz")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        // Then it gets GET's status and headers, and no body
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).contains("2");
        assertThat(head.headers().firstValue("X-Request-Id")).isPresent();
    }
}
