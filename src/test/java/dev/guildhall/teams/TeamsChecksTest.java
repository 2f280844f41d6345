package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.guildhall.teams.Activities.personalChat;
import static org.assertj.core.api.Assertions.assertThat;

/** A knowledge check through the Teams adapter: Adaptive Cards with the options and buttons A, B, then the result. */
class TeamsChecksTest {
    private static final TeamsConfig DEV = new TeamsConfig("", "", Optional.empty(), true);

    @TempDir
    Path dir;
    TeamsTestBot bot;
    FakeConnector connector;

    @BeforeEach
    void aCohortWithACheck() throws Exception {
        bot = new TeamsTestBot(dir, DEV, List.of());
        connector = bot.connector;
        for (String line : List.of("alice:guild create k8s \"Kubernetes guild\"", "olivia:guild join k8s",
                "alice:guild module add k8s \"Pods\"", "olivia:guild module own k8s \"Pods\"",
                "alice:programme create k8s-101 --guild k8s \"Kubernetes in three days\"",
                "alice:programme module add k8s-101 \"Pods\"", "alice:programme cohort k8s-101 start \"2026-12-07\"",
                "bob:programme join k8s-101",
                "olivia:check add \"Pods\" \"Do containers in a pod share an IP address?\" \"Yes\" \"No\"")) {
            String[] said = line.split(":", 2);
            bot.post(Activities.personalMessage(connector.serviceUrl(), said[0], json(said[1])));
        }
        connector.clear();
    }

    /** The activity templates take text as it stands inside a JSON string. */
    private static String json(String text) {
        return text.replace("\"", "\\\"");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void theQuestionIsACardWithItsOptionsAndButtonsAndTheResultCardOffersTheThreeWaysOn() {
        // When the owner sends the check
        bot.post(Activities.personalMessage(connector.serviceUrl(), "olivia", json("check send \"Pods\"")));

        // Then bob gets an Adaptive Card with the options as text and one button per letter
        FakeConnector.Call question = connector.await(personalChat("bob"),
                c -> c.cardText().contains("knowledge check")).get(0);
        assertThat(question.body().path("attachments").path(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(question.cardText()).contains("Do containers in a pod share an IP address?").contains("A) ")
                .contains("B) ");
        assertThat(question.buttonTitles()).containsExactly("A", "B");

        // When he presses the wrong one
        Matcher no = Pattern.compile("([AB])\\) No").matcher(question.cardText());
        assertThat(no.find()).isTrue();
        connector.clear();
        bot.post(Activities.cardSubmit(connector.serviceUrl(), "bob", question.buttonData(no.group(1))));

        // Then his result card names the right answer and offers the three buttons
        FakeConnector.Call result = connector.await(personalChat("bob"), c -> c.cardText().contains("you got")).get(0);
        assertThat(result.cardText()).contains("0 of 1 right").contains("Right answer: Yes");
        assertThat(result.buttonTitles()).containsExactly("Go through it again", "Find me a mentor for this",
                "Ask anonymously");

        // When he presses Ask anonymously, the card he gets back has a text box to type the question in
        connector.clear();
        bot.post(Activities.cardSubmit(connector.serviceUrl(), "bob", result.buttonData("Ask anonymously")));
        JsonNode card = connector.await(personalChat("bob"), c -> c.cardText().contains("Nobody, not even the owners"))
                .get(0).card();
        assertThat(card.toString()).contains("\"Input.Text\"").contains("Your question");
    }
}
