package dev.guildhall.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Attachment;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.Message;
import dev.guildhall.testing.FollowThroughMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    @Test
    void aLongMessageTakesSeveralCardsEachWithinTeamsLimitWithTheButtonsOnTheLast() {
        String text = "Zürich café ☕ \"quoted\" notes.\n".repeat(3_000);
        Message message = Message.text(text).withField("Owner", "alice").withButton(Button.of("a:1", "Go"));

        List<Attachment> cards = AdaptiveCards.attachments(message);

        assertThat(cards).hasSizeGreaterThan(3);
        StringBuilder shown = new StringBuilder();
        for (Attachment card : cards) {
            assertThat(AdaptiveCards.bytes(MessageFactory.attachment(card)))
                    .isLessThanOrEqualTo(AdaptiveCards.ACTIVITY_LIMIT - AdaptiveCards.ADDRESSING_ROOM);
            ((ObjectNode) card.getContent()).path("body").forEach(block -> shown.append(block.path("text").asText()));
        }
        assertThat(shown.toString()).isEqualTo(text);
        assertThat(((ObjectNode) cards.get(cards.size() - 1).getContent()).path("actions")).hasSize(1);
        assertThat(((ObjectNode) cards.get(0).getContent()).has("actions")).isFalse();
    }

    @Test
    void aMessageUpdatedInPlaceStaysOneCardAndSaysWhenItCouldNotShowEverything() {
        ObjectNode card = AdaptiveCards.card(Message.text("line of text\n".repeat(5_000)).withButton(Button.of("a:1", "Go")));

        assertThat(AdaptiveCards.bytes(AdaptiveCards.activity(card)))
                .isLessThanOrEqualTo(AdaptiveCards.ACTIVITY_LIMIT - AdaptiveCards.ADDRESSING_ROOM);
        assertThat(card.path("body").get(card.path("body").size() - 1).path("text").asText())
                .contains("does not fit in one Teams message");
        assertThat(card.path("actions")).hasSize(1);
    }

    @Test
    void measuresJsonBytesLikeJackson() {
        String text = "plain \"quoted\" \\ tab\t line\n control\u0001 é € ☕ 🚀 👩‍👩‍👧";

        assertThat(AdaptiveCards.jsonBytes(text)).isEqualTo(AdaptiveCards.bytes(text) - 2);
    }

    @Test
    void rendersMentorshipFollowThroughAndTheThanksBoxAsAnInput(@TempDir Path dir) {
        // Given the messages issue 16 adds, as the bot makes them
        Map<String, Message> made = FollowThroughMessages.make();

        // Then every button is an action carrying its id
        assertThat(actions(made.get("listing"))).containsExactly("mentorship.listing:yes", "mentorship.listing:no");
        assertThat(actions(made.get("paused"))).containsExactly("mentorship.resume:1");
        assertThat(actions(made.get("board"))).containsExactly("mentorship.ask:1");
        assertThat(actions(made.get("understand"))).containsExactly("mentorship.understood:1", "mentorship.again:1",
                "mentorship.second-teacher:1");
        // and Teams shows the one line of thanks as a text box with its send button
        ObjectNode thanks = AdaptiveCards.card(made.get("thanks"));
        assertThat(thanks.toString()).contains("Input.Text").contains("What helped you most?");
        assertThat(actions(made.get("thanks"))).containsExactly("mentorship.thanks:1");
    }

    private static List<String> actions(Message message) {
        List<String> ids = new java.util.ArrayList<>();
        AdaptiveCards.card(message).path("actions").forEach(a -> ids.add(a.path("data").path("guildhall").asText()));
        return ids;
    }
}
