package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.guildhall.http.HttpRequest;
import dev.guildhall.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Under overload Slack's requests are answered at once: a person's slash command kindly, the rest with a 503. */
class SlackBusyAnswerTest {
    private final SlackEventsRoute route = new SlackEventsRoute(new App(AppConfig.builder()
            .singleTeamBotToken("xoxb-test").signingSecret(SlackRig.SECRET).build()),
            new SlackRequestVerifier(SlackRig.SECRET, Clock.systemUTC()));

    private static HttpRequest signed(String body, String contentType) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return new HttpRequest("POST", "/slack/events", "", Map.of("Content-Type", List.of(contentType),
                "X-Slack-Request-Timestamp", List.of(timestamp),
                "X-Slack-Signature", List.of(new SlackSignature.Generator(SlackRig.SECRET).generate(timestamp, body))),
                body, "127.0.0.1");
    }

    @Test
    void aSlashCommandGetsA200WithAnEphemeralBusyMessageNotDispatchFailed() throws Exception {
        String command = SlackRequests.form(SlackRequests.slashCommand("U0BUSY", "x", "/learn", "kubernetes", "D0X",
                "directmessage", "http://127.0.0.1/respond"));

        HttpResponse answer = route.busy(signed(command, "application/x-www-form-urlencoded"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(FakeSlack.JSON.readTree(answer.body()).path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(FakeSlack.JSON.readTree(answer.body()).path("text").asText())
                .isEqualTo("I'm busy, try again in a moment");
    }

    @Test
    void aButtonPressOrAnEventGetsA503AndAnUnsignedRequestA401() {
        String press = SlackRequests.blockAction("U0BUSY", "x", "learn:board", "D0X", "http://127.0.0.1/respond",
                SlackRequests.newTriggerId());

        assertThat(route.busy(signed(press, "application/x-www-form-urlencoded")).status()).isEqualTo(503);
        assertThat(route.busy(signed(SlackRequests.appHomeOpened("U0BUSY", "Ev1"), "application/json")).status())
                .isEqualTo(503);
        assertThat(route.busy(new HttpRequest("POST", "/slack/events", "", Map.of(), "command=%2Flearn", "1.2.3.4"))
                .status()).isEqualTo(401);
    }
}
