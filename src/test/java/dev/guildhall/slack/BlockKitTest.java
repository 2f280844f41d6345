package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.Message;
import dev.guildhall.testing.FollowThroughMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BlockKitTest {
    private static JsonNode json(List<LayoutBlock> blocks) throws Exception {
        return FakeSlack.JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks));
    }

    @Test
    void rendersTextFieldsContextAndButtons() throws Exception {
        // Given a message with everything the neutral model has
        Message message = Message.text("📚 Can you teach *kubernetes* to Bob?")
                .withField("Bob wants to", "deploy a service")
                .withContext("Please answer by Mon 1 Jan")
                .withButton(Button.primary("mentorship.accept:7", "Accept"))
                .withButton(Button.danger("mentorship.decline:7", "Decline"))
                .withButton(Button.of("mentorship.take:9", "Take"));

        // When it is rendered
        JsonNode blocks = json(BlockKit.blocks(message));

        // Then: a mrkdwn section, a fields section, a context block and an actions block
        assertThat(blocks).hasSize(4);
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("📚 Can you teach *kubernetes* to Bob?");
        assertThat(blocks.get(1).get("fields").get(0).get("text").asText())
                .isEqualTo("*Bob wants to*\ndeploy a service");
        assertThat(blocks.get(2).get("type").asText()).isEqualTo("context");
        assertThat(blocks.get(2).get("elements").get(0).get("text").asText()).isEqualTo("Please answer by Mon 1 Jan");
        JsonNode buttons = blocks.get(3).get("elements");
        assertThat(blocks.get(3).get("type").asText()).isEqualTo("actions");
        assertThat(buttons.get(0).get("action_id").asText()).isEqualTo("mentorship.accept:7");
        assertThat(buttons.get(0).get("value").asText()).isEqualTo("mentorship.accept:7");
        assertThat(buttons.get(0).get("style").asText()).isEqualTo("primary");
        assertThat(buttons.get(1).get("style").asText()).isEqualTo("danger");
        assertThat(buttons.get(2).has("style")).isFalse();
        assertThat(buttons.get(2).get("text").get("type").asText()).isEqualTo("plain_text");
    }

    @Test
    void escapesAngleBracketsSoUsageTextShowsAsTyped() throws Exception {
        JsonNode blocks = json(BlockKit.blocks(Message.text("Type /learn <topic> & wait")));

        assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("Type /learn &lt;topic&gt; &amp; wait");
        assertThat(BlockKit.fallback(Message.text("/teach <topic>"))).isEqualTo("/teach &lt;topic&gt;");
        // and Slack's own markup in text is only text: a mention is a token, made by an adapter from an id
        assertThat(BlockKit.fallback(Message.text("talks in <#C0NEW1>, ask <@U0BOB> <!here> <b>")))
                .isEqualTo("talks in &lt;#C0NEW1&gt;, ask &lt;@U0BOB&gt; &lt;!here&gt; &lt;b&gt;");
    }

    @Test
    void splitsFieldsAndButtonsAtSlacksLimits() throws Exception {
        Message message = Message.text("many");
        for (int i = 0; i < 12; i++) {
            message = message.withField("f" + i, "v" + i);
        }
        for (int i = 0; i < 30; i++) {
            message = message.withButton(Button.of("x:" + i, "b" + i));
        }

        JsonNode blocks = json(BlockKit.blocks(message));

        assertThat(blocks).hasSize(5);
        assertThat(blocks.get(1).get("fields")).hasSize(10);
        assertThat(blocks.get(2).get("fields")).hasSize(2);
        assertThat(blocks.get(3).get("elements")).hasSize(25);
        assertThat(blocks.get(4).get("elements")).hasSize(5);
    }

    @Test
    void carriesALongEscapedTextWholeInSectionsAndShortensOnlyButtonLabels() throws Exception {
        // Given a text far over a section's 3,000 characters, full of characters Slack needs escaped
        String text = ("Paragraph about <topics> & tools.\n" + "word ".repeat(60) + "\n\n").repeat(40);

        // When it is rendered
        JsonNode blocks = json(BlockKit.blocks(Message.text(text).withButton(Button.of("a:1", "y".repeat(100)))));

        // Then it takes several sections, each within the limit, that together are the text
        List<JsonNode> sections = new ArrayList<>();
        blocks.forEach(block -> {
            if (block.path("type").asText().equals("section")) {
                sections.add(block);
            }
        });
        assertThat(sections).hasSizeGreaterThan(4);
        StringBuilder delivered = new StringBuilder();
        for (JsonNode section : sections) {
            String sent = section.get("text").get("text").asText();
            assertThat(sent.length()).isLessThanOrEqualTo(BlockKit.TEXT_LIMIT);
            assertThat(sent).doesNotMatch("(?s).*&(?!amp;|lt;|gt;).*");
            delivered.append(SlackText.unescape(sent));
        }
        assertThat(delivered.toString()).isEqualTo(text);
        // and a button label, the one text with no room to grow, is shortened to 75
        String label = blocks.get(blocks.size() - 1).get("elements").get(0).get("text").get("text").asText();
        assertThat(label).hasSize(BlockKit.BUTTON_LABEL_LIMIT).endsWith("…");
    }

    @Test
    void aFieldTooLongForAFieldBecomesSectionsInItsPlace() throws Exception {
        String value = "1. a question & more <detail>\n".repeat(150);

        JsonNode blocks = json(BlockKit.blocks(Message.text("summary").withField("Flags", "3")
                .withField("Questions", value).withField("After", "x")));

        assertThat(blocks.get(1).get("fields").get(0).get("text").asText()).isEqualTo("*Flags*\n3");
        StringBuilder delivered = new StringBuilder();
        int at = 2;
        while (blocks.get(at).has("text")) {
            String sent = blocks.get(at++).get("text").get("text").asText();
            assertThat(sent.length()).isLessThanOrEqualTo(BlockKit.TEXT_LIMIT);
            delivered.append(SlackText.unescape(sent));
        }
        assertThat(delivered.toString()).isEqualTo("*Questions*\n" + value);
        assertThat(blocks.get(at).get("fields").get(0).get("text").asText()).isEqualTo("*After*\nx");
    }

    @Test
    void aMessageOfMoreThanFiftyBlocksContinuesInTheNextSlackMessage() {
        Message message = Message.text("x".repeat(BlockKit.TEXT_LIMIT * 120)).withButton(Button.of("a:1", "A"));

        List<BlockKit.Posting> postings = BlockKit.postings(message);

        assertThat(postings).hasSize(3);
        assertThat(postings).allSatisfy(posting -> assertThat(posting.blocks()).hasSizeLessThanOrEqualTo(50));
        assertThat(postings.stream().mapToInt(posting -> posting.blocks().size()).sum()).isEqualTo(121);
        assertThat(postings.get(2).fallback()).isEqualTo("x".repeat(BlockKit.TEXT_LIMIT));
    }

    @Test
    void groupsMessagesIntoSlackSizedChunksWithDividers() {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            messages.add(Message.text("m" + i).withButton(Button.of("a:" + i, "A")));
        }

        List<List<LayoutBlock>> chunks = BlockKit.chunks(messages, BlockKit.MESSAGE_BLOCKS);

        // each message is 2 blocks plus a divider between messages: 17 messages fit in 50 blocks
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).hasSizeLessThanOrEqualTo(50);
        assertThat(chunks.get(0).size() + chunks.get(1).size()).isEqualTo(30 * 2 + 28);
        assertThat(BlockKit.chunks(List.of(), 50)).isEmpty();
    }

    @Test
    void rendersMentorshipFollowThroughWithEveryButtonSlackCanPress(@TempDir Path dir) throws Exception {
        // Given the messages issue 16 adds, as the bot makes them
        Map<String, Message> made = FollowThroughMessages.make();

        // Then each has its buttons, by action id, within Slack's label limit
        assertThat(actionIds(made.get("listing"))).containsExactly("mentorship.listing:yes", "mentorship.listing:no");
        assertThat(actionIds(made.get("paused"))).containsExactly("mentorship.resume:1");
        assertThat(actionIds(made.get("board"))).containsExactly("mentorship.ask:1");
        assertThat(actionIds(made.get("understand"))).containsExactly("mentorship.understood:1",
                "mentorship.again:1", "mentorship.second-teacher:1");
        // and the thanks box, which Slack can't show on a message, leaves the command in its place
        assertThat(actionIds(made.get("thanks"))).isEmpty();
        assertThat(json(BlockKit.blocks(made.get("thanks"))).toString()).contains("/learn thanks 1 &lt;your line&gt;");
        for (Message message : made.values()) {
            json(BlockKit.blocks(message)).findValues("elements").forEach(elements -> elements.forEach(e -> {
                if (e.has("action_id")) {
                    assertThat(e.path("text").path("text").asText().length()).isLessThanOrEqualTo(75);
                }
            }));
        }
    }

    private static List<String> actionIds(Message message) throws Exception {
        return json(BlockKit.blocks(message)).findValuesAsText("action_id");
    }
}
