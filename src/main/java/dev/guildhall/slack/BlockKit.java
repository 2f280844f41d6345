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
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Message;
import dev.guildhall.core.TextSplitter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The neutral message as Block Kit: the text as mrkdwn sections, fields as section fields, the context line as a
 * context block, buttons as an actions block. A button's {@code action_id} and {@code value} are both the core's
 * action id, so a press comes back as exactly that. Nothing is cut: a text longer than a section takes several
 * sections (split before escaping, so an entity is never cut), a field too long for a field becomes sections of its
 * own, and a message of more than 50 blocks goes out as several Slack messages, in order.
 */
final class BlockKit {
    private static final Pattern SLACK_LINK = Mentions.ANY_TOKEN;
    /** A web address written out: shown as itself, and made a link explicitly since sections are verbatim. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>|\u27E6\u27E7]*[^\\s<>|\u27E6\u27E7.,;:!?)'\"]");
    /** Slack takes at most 50 blocks in a message and 100 in a home tab. */
    static final int MESSAGE_BLOCKS = 50;
    static final int HOME_BLOCKS = 100;
    static final int TEXT_LIMIT = 3000;
    static final int FIELD_LIMIT = 2000;
    static final int BUTTON_LABEL_LIMIT = 75;
    private static final int FIELDS_PER_SECTION = 10;
    private static final int CONTEXT_ELEMENTS = 10;
    private static final int BUTTONS_PER_BLOCK = 25;
    private static final TextSplitter SECTIONS = new TextSplitter(TEXT_LIMIT, BlockKit::escapedLength, SLACK_LINK);
    private static final TextSplitter CONTEXTS = new TextSplitter(FIELD_LIMIT, BlockKit::escapedLength, SLACK_LINK);
    private static final TextSplitter LABELS = new TextSplitter(BUTTON_LABEL_LIMIT - 1, String::length, null);

    /** One Slack message: the blocks, and the plain text Slack shows in notifications. */
    record Posting(String fallback, List<LayoutBlock> blocks) {
    }

    private BlockKit() {
    }

    static List<LayoutBlock> blocks(Message message) {
        List<LayoutBlock> blocks = new ArrayList<>();
        SECTIONS.split(message.text()).forEach(piece -> blocks.add(section(piece)));
        List<TextObject> fields = new ArrayList<>();
        for (Message.Field field : message.fields()) {
            String text = "*" + field.label() + "*\n" + field.value();
            if (escapedLength(text) <= FIELD_LIMIT) {
                fields.add(mrkdwn(text));
                if (fields.size() == FIELDS_PER_SECTION) {
                    blocks.add(SectionBlock.builder().fields(List.copyOf(fields)).build());
                    fields.clear();
                }
                continue;
            }
            if (!fields.isEmpty()) {
                blocks.add(SectionBlock.builder().fields(List.copyOf(fields)).build());
                fields.clear();
            }
            SECTIONS.split(text).forEach(piece -> blocks.add(section(piece)));
        }
        if (!fields.isEmpty()) {
            blocks.add(SectionBlock.builder().fields(List.copyOf(fields)).build());
        }
        if (message.context() != null && !message.context().isBlank()) {
            List<ContextBlockElement> elements = CONTEXTS.split(message.context()).stream()
                    .map(piece -> (ContextBlockElement) mrkdwn(piece)).toList();
            for (int from = 0; from < elements.size(); from += CONTEXT_ELEMENTS) {
                blocks.add(ContextBlock.builder().elements(
                        elements.subList(from, Math.min(elements.size(), from + CONTEXT_ELEMENTS))).build());
            }
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
     * Messages grouped so that each group fits in one Slack message, in order. A message too big on its own
     * continues in the next group; nothing is dropped.
     */
    static List<List<LayoutBlock>> chunks(List<Message> messages, int limit) {
        List<List<LayoutBlock>> chunks = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        for (Message message : messages) {
            List<LayoutBlock> next = blocks(message);
            if (!current.isEmpty() && current.size() + 1 + next.size() > limit) {
                chunks.add(current);
                current = new ArrayList<>();
            }
            if (!current.isEmpty()) {
                current.add(DividerBlock.builder().build());
            }
            for (LayoutBlock block : next) {
                if (current.size() == limit) {
                    chunks.add(current);
                    current = new ArrayList<>();
                }
                current.add(block);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** The Slack messages that carry one neutral message, each with its own notification text. */
    static List<Posting> postings(Message message) {
        return chunks(List.of(message), MESSAGE_BLOCKS).stream()
                .map(blocks -> new Posting(fallback(blocks), blocks)).toList();
    }

    /**
     * A message that replaces an earlier one in place must stay one message: the core pages such messages so that
     * they fit. Should one still not fit, it says so visibly at the end rather than failing the update.
     */
    static Posting inPlace(Message message) {
        List<LayoutBlock> blocks = blocks(message);
        if (blocks.size() > MESSAGE_BLOCKS) {
            blocks = new ArrayList<>(blocks.subList(0, MESSAGE_BLOCKS - 1));
            blocks.add(ContextBlock.builder().elements(List.<ContextBlockElement>of(mrkdwn(
                    "… the rest does not fit in one Slack message."))).build());
        }
        return new Posting(fallback(blocks), blocks);
    }

    /** The plain text Slack shows in notifications and where blocks cannot be shown: the text's first section. */
    static String fallback(Message message) {
        return textOf(SECTIONS.split(message.text()).get(0));
    }

    private static String fallback(List<LayoutBlock> blocks) {
        for (LayoutBlock block : blocks) {
            if (block instanceof SectionBlock section && section.getText() != null) {
                return section.getText().getText();
            }
        }
        return " ";
    }

    private static ButtonElement button(Message.Button button) {
        ButtonElement.ButtonElementBuilder builder = ButtonElement.builder()
                .actionId(button.actionId())
                .value(button.actionId())
                .text(PlainTextObject.builder().text(label(button.label())).emoji(true).build());
        return switch (button.style()) {
            case PRIMARY -> builder.style("primary").build();
            case DANGER -> builder.style("danger").build();
            case DEFAULT -> builder.build();
        };
    }

    /** The one text that is shortened rather than carried: a button has room for 75 characters, whole ones. */
    static String label(String label) {
        if (label.isEmpty()) {
            return " ";
        }
        return label.length() <= BUTTON_LABEL_LIMIT ? label : LABELS.split(label).get(0).stripTrailing() + "…";
    }

    private static SectionBlock section(String piece) {
        return SectionBlock.builder().text(mrkdwn(piece)).build();
    }

    /** A piece already split to fit, escaped only now. */
    private static MarkdownTextObject mrkdwn(String piece) {
        // verbatim: Slack would otherwise turn a typed "@here" or "#general" into a live mention or link.
        return MarkdownTextObject.builder().text(textOf(piece)).verbatim(true).build();
    }

    /** Slack refuses an empty text object. */
    private static String textOf(String piece) {
        return piece.isEmpty() ? " " : escape(piece);
    }

    private static int escapedLength(String text) {
        return escape(text).length();
    }

    /**
     * Slack reads {@code <…>} as links and mentions: the core's "/learn <topic>" must show as typed, and so must
     * anything a person typed ({@code <!here>}, {@code <@U1>}, a masked link). Only the core's mention tokens become
     * Slack's links ({@code <#C123>}, {@code <@U123>}) — mentions an adapter read from the platform by id.
     */
    static String escape(String written) {
        Matcher token = Mentions.ANY_TOKEN.matcher(written);
        StringBuilder escaped = new StringBuilder();
        int from = 0;
        while (token.find()) {
            escaped.append(escapeText(written.substring(from, token.start())))
                    .append(SlackMentions.render(token.group()));
            from = token.end();
        }
        return escaped.append(escapeText(written.substring(from))).toString();
    }

    private static String escapeText(String text) {
        Matcher url = URL.matcher(text);
        StringBuilder escaped = new StringBuilder();
        int from = 0;
        while (url.find()) {
            escaped.append(escapeAll(text.substring(from, url.start()))).append('<')
                    .append(escapeAll(url.group())).append('>');
            from = url.end();
        }
        return escaped.append(escapeAll(text.substring(from))).toString();
    }

    private static String escapeAll(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
