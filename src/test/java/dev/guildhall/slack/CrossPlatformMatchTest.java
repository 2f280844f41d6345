package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.guildhall.app.Server;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.teams.Activities;
import dev.guildhall.teams.FakeConnector;
import dev.guildhall.teams.TeamsConfig;
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
 * One bot, one database, both platforms: a learner on Slack is matched with a teacher on Teams, and each is told on
 * their own platform; what a Teams user types reaches Slack as text.
 */
class CrossPlatformMatchTest {
    @TempDir
    Path dir;
    FakeSlack slack;
    FakeConnector teams;
    Server server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void serveBoth() throws Exception {
        slack = FakeSlack.start();
        teams = new FakeConnector();
        server = Server.start(Map.of("GUILDHALL_DB", dir.resolve("g.db").toString(), "PORT", "0",
                SlackSettings.BOT_TOKEN, "xoxb-test", SlackSettings.SIGNING_SECRET, SlackRig.SECRET,
                SlackSettings.API_URL, slack.apiUrl(), TeamsConfig.DEV, "true"), AdjustableClock.system(), false);
        assertThat(server.description()).contains("/slack/events").contains("/api/messages");
    }

    @AfterEach
    void stop() {
        server.close();
        slack.close();
        teams.close();
    }

    private int post(String path, String body, String contentType, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private int slashCommand(String userId, String userName, String command, String text) throws Exception {
        String body = SlackRequests.form(SlackRequests.slashCommand(userId, userName, command, text, "D0" + userId,
                "directmessage", slack.responseUrl(userId)));
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return post("/slack/events", body, "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", new SlackSignature.Generator(SlackRig.SECRET).generate(timestamp, body));
    }

    @Test
    void aSlackLearnerIsMatchedWithATeamsTeacherAndEachIsToldOnTheirOwnPlatform() throws Exception {
        // Given alice teaches on Teams
        assertThat(post("/api/messages", Activities.personalMessage(teams.serviceUrl(), "alice", "teach kubernetes"),
                "application/json")).isEqualTo(202);

        // When bob asks on Slack
        assertThat(slashCommand("U0BOB", "bob", "/learn", "k8s")).isEqualTo(200);

        // Then alice gets the proposal as an Adaptive Card on Teams, bob a DM on Slack naming her
        FakeConnector.Call proposal = teams.await(Activities.personalChat("alice"),
                c -> c.cardText().contains("Can you teach **kubernetes** to bob")).get(0);
        assertThat(slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && String.valueOf(call.param("text")).contains("alice"), 1, "DM to bob")).isNotEmpty();

        // When alice accepts on Teams
        assertThat(post("/api/messages", Activities.cardSubmit(teams.serviceUrl(), "alice",
                proposal.buttonData("Accept")), "application/json")).isEqualTo(202);

        // Then bob hears on Slack that the match is on
        assertThat(slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && String.valueOf(call.param("text")).contains("match is on"), 1, "match is on")).isNotEmpty();
        assertThat(teams.await(Activities.personalChat("alice"), c -> c.method().equals("PUT")
                && c.cardText().contains("The match is on"))).isNotEmpty();
        // and, with no conversation across platforms, each is told the other's name and platform instead
        assertThat(slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && String.valueOf(call.param("text")).contains("Your *kubernetes* pair: alice, on Microsoft Teams"), 1,
                "introduction to bob")).isNotEmpty();
        assertThat(teams.await(Activities.personalChat("alice"),
                c -> c.cardText().contains("Your **kubernetes** pair: bob, on Slack"))).isNotEmpty();
        assertThat(slack.calls("conversations.open")).noneSatisfy(call -> assertThat(call.param("users"))
                .contains(","));
    }

    @Test
    void aTeamsUsersTypedSlackMarkupReachesSlackAsText() throws Exception {
        // Given a guild led on Teams with a member on Slack
        assertThat(post("/api/messages", Activities.personalMessage(teams.serviceUrl(), "alice",
                "guild create imp \\\"Imps\\\""), "application/json")).isEqualTo(202);
        assertThat(slashCommand("U0BOB", "bob", "/guild", "join imp")).isEqualTo(200);

        // When the Teams lead types Slack's mention and broadcast markup into an announcement (Teams sends it escaped)
        assertThat(post("/api/messages", Activities.personalMessage(teams.serviceUrl(), "alice",
                "guild announce imp ping &lt;@U998&gt; and &lt;!here&gt;"), "application/json")).isEqualTo(202);

        // Then bob's DM on Slack shows it as text: no mention, no broadcast
        FakeSlack.Call dm = slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && String.valueOf(call.param("blocks")).contains("ping"), 1, "announcement").get(0);
        assertThat(dm.json("blocks").get(0).path("text").path("text").asText())
                .contains("ping &lt;@U998&gt; and &lt;!here&gt;")
                .doesNotContain("<@U998>", "<!here>");
    }
}
