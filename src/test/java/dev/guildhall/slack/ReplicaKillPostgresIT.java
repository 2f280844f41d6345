package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.outbox.OutboxClaims;
import dev.guildhall.testing.Postgres;
import dev.guildhall.testing.ServeJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bot processes on one PostgreSQL database: replica A is {@code java -jar target/guildhall.jar serve}, replica B
 * runs in this JVM. A is killed (SIGKILL) in the middle of a 500-member fan-out; B finishes it and nobody is missed.
 */
class ReplicaKillPostgresIT {
    @TempDir
    Path dir;

    Postgres postgres;
    FakeSlack slack;
    Replica b;
    ServeJar serveA;
    Process a;
    int port;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        postgres = new Postgres();
        slack = FakeSlack.start();
        b = new Replica(postgres, slack, AdjustableClock.system());
        Map<String, String> env = new HashMap<>(postgres.env());
        env.put("SLACK_SIGNING_SECRET", "s3cret");
        env.put("SLACK_BOT_TOKEN", "xoxb-test");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("GUILDHALL_SEND_PACE", Replica.PACE);
        serveA = ServeJar.start(dir.resolve("replica-a.log"), env);
        a = serveA.process();
        port = serveA.port();
    }

    @AfterEach
    void stop() throws Exception {
        if (a.isAlive()) {
            a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        b.close();
        slack.close();
        postgres.close();
    }

    @Test
    void killingOneReplicaMidFanOutLosesNothing() throws Exception {
        // Given a guild of 500, a Slack that takes 5 ms a call, and both replicas' dispatchers running
        b.guildOf(500);
        slack.latency(Duration.ofMillis(5));
        b.bot.startDelivery();

        // When the lead announces through replica A, and A is killed once 150 members have the message
        HttpResponse<String> ack = slashCommand("ULEAD", "lea", "/guild", "announce platform Kill-test announcement");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        ReplicasPostgresIT.await(() -> Replica.directMessages(slack, "Kill-test announcement").size() >= 150,
                "150 members to get the announcement");
        a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int strandedByA = b.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENDING'");
        List<String> claimers = b.bot.database().read(h -> h.createQuery(
                "SELECT DISTINCT claimed_by FROM outbox WHERE batch_id IS NOT NULL AND status = 'DELIVERED'")
                .mapTo(String.class).list());

        // And B's clock passes the lease of the rows A was sending when it died
        b.clock.advance(OutboxClaims.LEASE.plusSeconds(1));
        ReplicasPostgresIT.await(() -> b.count(
                "SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')") == 0, "the outbox to drain");

        // Then all 500 rows are delivered, every member has the message, and only a row A was sending as it died can
        // have reached its member twice
        assertThat(claimers).as("both replicas were sending when A died").hasSize(2);
        assertThat(b.count("SELECT COUNT(*) FROM outbox WHERE batch_id IS NOT NULL AND status = 'DELIVERED'"))
                .isEqualTo(500);
        Map<String, Long> perMember = Replica.directMessages(slack, "Kill-test announcement");
        assertThat(perMember).hasSize(500);
        long twice = perMember.values().stream().filter(count -> count > 1).count();
        assertThat(twice).isLessThanOrEqualTo(strandedByA);
        assertThat(perMember.values()).allMatch(count -> count <= 2);
        // the batch is finished by the pass after its last delivery commits: wait for that pass, don't race it
        ReplicasPostgresIT.await(() -> b.count("SELECT COUNT(*) FROM outbox_batch WHERE finished_at IS NOT NULL") == 1,
                "the progress message to be brought to its end");
        System.out.printf("[replicas] replica A killed mid-fan-out: %d rows were in flight (either replica), %d member(s)"
                + " got the message twice, 500/500 delivered%n", strandedByA, twice);
    }

    private HttpResponse<String> slashCommand(String user, String name, String command, String text) throws Exception {
        String body = SlackRequests.form(SlackRequests.slashCommand(user, name, command, text, "D0" + user,
                "directmessage", slack.responseUrl(user)));
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = new SlackSignature.Generator("s3cret").generate(timestamp, body);
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Slack-Request-Timestamp", timestamp)
                        .header("X-Slack-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
