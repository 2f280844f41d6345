package dev.guildhall.teams;

import dev.guildhall.app.Server;
import dev.guildhall.core.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.guildhall.teams.Activities.personalChat;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} with Teams configured: Bot Framework activities posted to the real {@code /api/messages}. */
class TeamsServeTest {
    @TempDir
    Path dir;
    FakeConnector connector;
    Server server;
    private final HttpClient client = HttpClient.newHttpClient();

    private void serve(String... variables) throws Exception {
        connector = new FakeConnector();
        Map<String, String> env = new HashMap<>(Map.of("GUILDHALL_DB", dir.resolve("g.db").toString(), "PORT", "0"));
        for (int i = 0; i < variables.length; i += 2) {
            env.put(variables[i], variables[i + 1]);
        }
        server = Server.start(env, AdjustableClock.system(), false);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        connector.close();
    }

    private int post(String activity, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/messages"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void inDevelopmentModeALearnerAndATeacherAreBothAnsweredWithCards() throws Exception {
        // Given Teams in development mode, and no Slack at all
        serve(TeamsConfig.DEV, "true");
        assertThat(server.description()).contains("POST /api/messages").doesNotContain("/slack/events");
        assertThat(post(Activities.personalMessage(connector.serviceUrl(), "alice", "teach kubernetes"), null))
                .isEqualTo(202);
        // When
        assertThat(post(Activities.personalMessage(connector.serviceUrl(), "bob", "learn kubernetes"), null))
                .isEqualTo(202);
        // Then both get Adaptive Cards at the fake connector; alice's has Accept and Decline
        FakeConnector.Call proposal = connector.await(personalChat("alice"),
                c -> c.cardText().contains("Can you teach **kubernetes** to bob")).get(0);
        assertThat(proposal.buttonTitles()).containsExactly("Accept", "Decline");
        assertThat(connector.await(personalChat("bob"), c -> c.cardText().contains("alice"))).isNotEmpty();
    }

    @Test
    void withAnAppIdARequestWithoutAValidTokenGets401AndNoReply() throws Exception {
        serve(TeamsConfig.APP_ID, "00000000-1111-2222-3333-444444444444", TeamsConfig.APP_PASSWORD, "secret",
                TeamsConfig.TENANT_ID, Activities.TENANT);
        assertThat(post(Activities.personalMessage(connector.serviceUrl(), "mallory", "teach kubernetes"), null))
                .isEqualTo(401);
        assertThat(post(Activities.personalMessage(connector.serviceUrl(), "mallory", "learn kubernetes"),
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl")).isEqualTo(401);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void aTimestampWithoutFractionalSecondsIsAccepted() throws Exception {
        // Given an activity whose timestamps are written without fractional seconds (ISO 8601 allows it)
        serve(TeamsConfig.DEV, "true");
        String activity = Activities.personalMessage(connector.serviceUrl(), "carol", "teach kubernetes")
                .replace("\"2026-03-02T09:00:00.000Z\"", "\"2026-03-02T09:00:00Z\"");
        assertThat(activity).contains("\"2026-03-02T09:00:00Z\"");
        // When it is posted, Then it is handled like any other and carol is answered
        assertThat(post(activity, null)).isEqualTo(202);
        assertThat(connector.await(personalChat("carol"), c -> c.cardText().contains("kubernetes"))).isNotEmpty();
    }
}
