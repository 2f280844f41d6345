package dev.guildhall.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.guildhall.core.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The neutral message as Block Kit: the text as a mrkdwn section, fields as section fields, the context line as a
 * context block, buttons as an actions block. A button's {@code action_id} and {@code value} are both the core's
 * action id, so a press comes back as exactly that.
 */
final class BlockKit {
    private static final Pattern SLACK_LINK = Pattern.compile("<[#@][CGUW][A-Z0-9]{2,}(?:\\|[^<>&|]*)?>");
    /** Slack takes at most 50 blocks in a message and 100 in a home tab. */
    static final int MESSAGE_BLOCKS = 50;
    static final int HOME_BLOCKS = 100;
    private static final int TEXT_LIMIT = 3000;
    private static final int FIELD_LIMIT = 2000;
    private static final int FIELDS_PER_SECTION = 10;
    private static final int BUTTONS_PER_BLOCK = 25;
    private static final int BUTTON_LABEL_LIMIT = 75;

    private BlockKit() {
    }

    static List<LayoutBlock> blocks(Message message) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SectionBlock.builder().text(mrkdwn(message.text(), TEXT_LIMIT)).build());
        List<Message.Field> fields = message.fields();
        for (int from = 0; from < fields.size(); from += FIELDS_PER_SECTION) {
            List<TextObject> texts = fields.subList(from, Math.min(fields.size(), from + FIELDS_PER_SECTION)).stream()
                    .map(field -> (TextObject) mrkdwn("*" + escape(field.label()) + "*\n", field.value()))
                    .toList();
            blocks.add(SectionBlock.builder().fields(texts).build());
        }
        if (message.context() != null && !message.context().isBlank()) {
            blocks.add(ContextBlock.builder()
                    .elements(List.<ContextBlockElement>of(mrkdwn(message.context(), FIELD_LIMIT))).build());
        }
        List<Message.Button> buttons = message.buttons();
        for (int from = 0; from < buttons.size(); from += BUTTONS_PER_BLOCK) {
            List<BlockElement> elements = buttons.subList(from, Math.min(buttons.size(), from + BUTTONS_PER_BLOCK))
                    .stream().map(BlockKit::button).collect(Collectors.toList());
            blocks.add(ActionsBlock.builder().elements(elements).build());
        }
        return blocks;
    }

    /** Several messages in one surface, separated by dividers. */
    static List<LayoutBlock> blocks(List<Message> messages) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Message message : messages) {
            if (!blocks.isEmpty()) {
                blocks.add(DividerBlock.builder().build());
            }
            blocks.addAll(blocks(message));
        }
        return blocks;
    }

    /**
     * Messages grouped so that each group fits in one Slack message; a message too big on its own is cut at the
     * limit (only a message of more than 160 fields or buttons could be).
     */
    static List<List<LayoutBlock>> chunks(List<Message> messages, int limit) {
        List<List<LayoutBlock>> chunks = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        for (Message message : messages) {
            List<LayoutBlock> next = blocks(message);
            int needed = next.size() + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && current.size() + needed > limit) {
                chunks.add(current);
                current = new ArrayList<>();
            }
            if (!current.isEmpty()) {
                current.add(DividerBlock.builder().build());
            }
            current.addAll(next);
            if (current.size() > limit) {
                current = new ArrayList<>(current.subList(0, limit));
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** The plain text Slack shows in notifications and where blocks cannot be shown. */
    static String fallback(Message message) {
        return cut(escape(message.text()), TEXT_LIMIT);
    }

    private static ButtonElement button(Message.Button button) {
        ButtonElement.ButtonElementBuilder builder = ButtonElement.builder()
                .actionId(button.actionId())
                .value(button.actionId())
                .text(PlainTextObject.builder().text(cut(button.label(), BUTTON_LABEL_LIMIT)).emoji(true).build());
        return switch (button.style()) {
            case PRIMARY -> builder.style("primary").build();
            case DANGER -> builder.style("danger").build();
            case DEFAULT -> builder.build();
        };
    }

    private static MarkdownTextObject mrkdwn(String text, int limit) {
        return MarkdownTextObject.builder().text(cut(escape(text), limit)).build();
    }

    private static MarkdownTextObject mrkdwn(String escapedPrefix, String value) {
        return MarkdownTextObject.builder().text(cut(escapedPrefix + escape(value), FIELD_LIMIT)).build();
    }

    /**
     * Slack reads {@code <…>} as links and mentions: the core's "/learn <topic>" must show as typed. The core's
     * mention tokens become Slack's links ({@code <#C123>}, {@code <@U123>}) and stay links.
     */
    static String escape(String written) {
        String text = SlackMentions.render(written);
        Matcher link = SLACK_LINK.matcher(text);
        StringBuilder escaped = new StringBuilder();
        int from = 0;
        while (link.find()) {
            escaped.append(escapeAll(text.substring(from, link.start()))).append(link.group());
            from = link.end();
        }
        return escaped.append(escapeAll(text.substring(from))).toString();
    }

    private static String escapeAll(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int limit) {
        if (text.isEmpty()) {
            return " ";
        }
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
