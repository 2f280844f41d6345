package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's acceptance, against the built jar: {@code java -jar target/guildhall.jar serve} with the four
 * variables, a fake Slack Web API, and signed requests over HTTP.
 */
class SlackServeAcceptanceIT {
    @TempDir
    Path dir;

    FakeSlack slack;
    ServeJar guildhall;
    int port;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlack.start();
        guildhall = ServeJar.start(dir.resolve("guildhall.log"), Map.of(
                "SLACK_SIGNING_SECRET", "s3cret",
                "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_API_URL", slack.apiUrl(),
                "GUILDHALL_DB", dir.resolve("guildhall.db").toString()));
        port = guildhall.port();
    }

    @AfterEach
    void stop() throws Exception {
        guildhall.close();
        slack.close();
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String command(String userId, String userName, String command, String text) {
        return SlackRequests.form(SlackRequests.slashCommand(userId, userName, command, text, "C0GENERAL", "general",
                "https://hooks.slack.com/commands/T0TEST/1/x"));
    }

    @Test
    void teachAndLearnAreAckedWithinThreeSecondsAndBothPeopleAreDmedTheMatch() throws Exception {
        // When alice offers kubernetes and bob asks for k8s, both correctly signed
        long start = System.nanoTime();
        HttpResponse<String> teach = post(command("U0ALICE", "alice", "/teach", "kubernetes"), "s3cret");
        Duration teachTook = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        HttpResponse<String> learn = post(command("U0BOB", "bob", "/learn", "k8s"), "s3cret");
        Duration learnTook = Duration.ofNanos(System.nanoTime() - start);

        // Then both get HTTP 200 within 3 s, their reply in the ack
        assertThat(teach.statusCode()).as(guildhall.log()).isEqualTo(200);
        assertThat(teachTook).isLessThan(Duration.ofSeconds(3));
        assertThat(teach.body()).contains("You now teach *kubernetes*");
        assertThat(learn.statusCode()).isEqualTo(200);
        assertThat(learnTook).isLessThan(Duration.ofSeconds(3));
        assertThat(learn.body()).contains("found a teacher");
        // and the fake Slack receives chat.postMessage calls DMing both about the match
        assertThat(slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && call.param("channel").equals("DU0ALICE"), 1, "DM to alice").get(0).param("text"))
                .contains("Can you teach *kubernetes* to bob");
        assertThat(slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && call.param("channel").equals("DU0BOB"), 1, "DM to bob").get(0).param("text"))
                .contains("found you a teacher for *kubernetes*: alice");
        System.out.printf("acceptance: /teach acked in %d ms, /learn in %d ms%n", teachTook.toMillis(),
                learnTook.toMillis());
    }

    @Test
    void aBodySignedWithAnotherSecretGets401AndNoWebApiCallFollows() throws Exception {
        // Given the bot has served alice once (Bolt's auth.test and her users.info are behind us)
        assertThat(post(command("U0ALICE", "alice", "/teach", "list"), "s3cret").statusCode()).isEqualTo(200);
        slack.awaitCalls("users.info", 1);
        slack.clear();

        // When a body signed with another secret arrives
        HttpResponse<String> forged = post(command("U0BOB", "bob", "/learn", "k8s"), "another-secret");

        // Then it gets 401; and once a later, genuine request (which itself needs no Web API call) has been served,
        // the fake has seen no call at all: the forged one caused none
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(post(command("U0ALICE", "alice", "/teach", "help"), "s3cret").statusCode()).isEqualTo(200);
        assertThat(slack.calls()).isEmpty();
    }
}
