package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.bot.Guildhall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21's Teams forms: a command typed without its words answers with a card whose button opens the form in a
 * dialog ({@code task/fetch}); the dialog's submit ({@code task/submit}) runs the same handler as the typed command,
 * problems come back on the card, topics are suggested as people type ({@code application/search}).
 */
class TeamsFormsTest {
    private static final TeamsConfig DEV = new TeamsConfig("", "", Optional.empty(), true);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TeamsTestBot bot;
    FakeConnector connector;
    Guildhall guildhall;

    @BeforeEach
    void start() throws Exception {
        bot = new TeamsTestBot(dir, DEV, List.of());
        connector = bot.connector;
        guildhall = bot.guildhall;
        bot.post(Activities.personalMessage(connector.serviceUrl(), "alice", "guild create devops \\\"DevOps\\\""));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private JsonNode invoke(String name, String value) throws Exception {
        TeamsAdapter.Response response = bot.post(Activities.personalInvoke(connector.serviceUrl(), "alice", name,
                value, "Europe/Berlin"));
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    }

    private static String meetup(String date) {
        return "{\"data\": {\"guildhallForm\": \"guild.meetup\", \"guild\": \"devops\", \"title\": \"Kafka deep dive\","
                + " \"date\": \"" + date + "\", \"time\": \"16:00\", \"repeat\": \"once\"}}";
    }

    @Test
    void aCommandTypedAloneAnswersWithACardWhoseButtonOpensTheFormInADialog() throws Exception {
        // When alice types "guild meetup" alone
        bot.post(Activities.personalMessage(connector.serviceUrl(), "alice", "guild meetup"));

        // Then the answer is a card whose button asks Teams for a dialog
        FakeConnector.Call card = connector.await("a:personal-chat-with-alice",
                call -> call.buttonTitles().contains("Plan a meetup")).get(0);
        JsonNode button = card.card().path("actions").get(0);
        assertThat(button.path("type").asText()).isEqualTo("Action.Submit");
        assertThat(button.path("data").path("msteams").path("type").asText()).isEqualTo("task/fetch");
        assertThat(button.path("data").path("guildhall").asText()).isEqualTo("form:guild.meetup");

        // When Teams fetches the dialog
        JsonNode task = invoke("task/fetch", "{\"type\": \"task/fetch\", \"data\": " + button.path("data") + "}");

        // Then it is the form as an Adaptive Card with a date and a time input
        assertThat(task.at("/task/type").asText()).isEqualTo("continue");
        JsonNode form = task.at("/task/value/card/content");
        assertThat(form.path("body").findValuesAsText("type")).contains("Input.ChoiceSet", "Input.Text", "Input.Date",
                "Input.Time");
        assertThat(form.path("body").findValuesAsText("id")).containsExactly("guild", "title", "date", "time",
                "repeat");
        assertThat(form.at("/actions/0/data/guildhallForm").asText()).isEqualTo("guild.meetup");
    }

    @Test
    void aSubmittedDialogPlansTheMeetupInTheClientsZone() throws Exception {
        JsonNode answer = invoke("task/submit", meetup("2026-03-10"));

        assertThat(answer.path("task").isMissingNode()).isTrue();
        long startsAt = guildhall.database().read(h -> h.createQuery("SELECT starts_at FROM meetup")
                .mapTo(Long.class).one());
        assertThat(Instant.ofEpochMilli(startsAt)).isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
        connector.await("a:personal-chat-with-alice", call -> call.cardText().contains("Planned meetup #1"));
    }

    @Test
    void aProblemIsShownOnTheCardUnderItsField() throws Exception {
        JsonNode answer = invoke("task/submit", meetup("2026-02-10"));

        JsonNode body = answer.at("/task/value/card/content/body");
        List<String> ids = body.findValuesAsText("id");
        assertThat(ids).contains("date");
        String afterDate = "";
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).path("id").asText().equals("date")) {
                afterDate = body.get(i + 1).path("text").asText();
            }
        }
        assertThat(afterDate).contains("already past");
        int meetups = guildhall.database().read(h -> h.createQuery("SELECT COUNT(*) FROM meetup")
                .mapTo(Integer.class).one());
        assertThat(meetups).isZero();
    }

    @Test
    void topicsAreSuggestedAsPeopleType() throws Exception {
        JsonNode answer = invoke("application/search", "{\"queryText\": \"kaf\", \"dataset\": \"learn/topic\"}");

        assertThat(answer.path("type").asText()).isEqualTo("application/vnd.microsoft.search.searchResponse");
        assertThat(answer.at("/value/results/0/title").asText()).isEqualTo("kaf (new topic)");
    }
}
