package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads back what Slack was sent: the texts of blocks, unescaped the way Slack shows them. */
final class SlackText {
    private SlackText() {
    }

    static String unescape(String sent) {
        return sent.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The mrkdwn texts of a message's blocks, in order: section texts, field texts and context elements. */
    static List<String> texts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        for (JsonNode block : blocks) {
            if (block.has("text")) {
                texts.add(block.get("text").get("text").asText());
            }
            block.path("fields").forEach(field -> texts.add(field.get("text").asText()));
            if (block.path("type").asText().equals("context")) {
                block.path("elements").forEach(element -> texts.add(element.get("text").asText()));
            }
        }
        return texts;
    }

    /** The limits Slack enforces on a message, each checked. */
    static void assertWithinLimits(JsonNode blocks) {
        assertThat(blocks.size()).isLessThanOrEqualTo(BlockKit.MESSAGE_BLOCKS);
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            if (block.has("text")) {
                assertThat(block.get("text").get("text").asText()).hasSizeLessThanOrEqualTo(BlockKit.TEXT_LIMIT);
            }
            block.path("fields").forEach(field ->
                    assertThat(field.get("text").asText()).hasSizeLessThanOrEqualTo(BlockKit.FIELD_LIMIT));
            if (type.equals("context")) {
                block.path("elements").forEach(element ->
                        assertThat(element.get("text").asText()).hasSizeLessThanOrEqualTo(BlockKit.FIELD_LIMIT));
            }
            if (type.equals("actions")) {
                block.path("elements").forEach(button -> assertThat(button.get("text").get("text").asText())
                        .hasSizeLessThanOrEqualTo(BlockKit.BUTTON_LABEL_LIMIT));
            }
        }
    }
}
