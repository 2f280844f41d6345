package dev.guildhall.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveCardsTest {
    @Test
    void theNeutralMessageBecomesTextFactsContextAndSubmitActions() {
        Message message = Message.text("Can you teach *kubernetes* to bob?")
                .withField("Why you", "You have *room*")
                .withContext("Answer by Sunday")
                .withButton(Button.primary("mentorship.accept:1", "Accept"))
                .withButton(Button.danger("mentorship.decline:1", "Decline"));
        ObjectNode card = AdaptiveCards.card(message);
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("Can you teach **kubernetes** to bob?");
        assertThat(card.path("body").get(1).path("facts").get(0).path("value").asText()).isEqualTo("You have **room**");
        assertThat(card.path("body").get(2).path("isSubtle").asBoolean()).isTrue();
        assertThat(card.path("actions").get(0).path("type").asText()).isEqualTo("Action.Submit");
        assertThat(card.path("actions").get(0).path("style").asText()).isEqualTo("positive");
        assertThat(card.path("actions").get(1).path("style").asText()).isEqualTo("destructive");
        assertThat(card.path("actions").get(1).path("data").path("guildhall").asText()).isEqualTo("mentorship.decline:1");
    }

    @Test
    void aPlainMessageHasNoActionsAndStarsInsideWordsStay() {
        ObjectNode card = AdaptiveCards.card(Message.text("2*3*4 is *fine*"));
        assertThat(card.has("actions")).isFalse();
        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("2*3*4 is **fine**");
    }
}
