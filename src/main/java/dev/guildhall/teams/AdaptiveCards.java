package dev.guildhall.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Message;
import dev.guildhall.core.TextSplitter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The neutral message as Adaptive Cards: text, fact sets for fields, a subtle context line, Submit buttons. Teams takes
 * about 28 KB per activity, so a long message is carried whole across several cards, one activity each, in order,
 * with the buttons on the last; the text is split before it is written as JSON, at paragraphs, lines or spaces.
 */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The key under which a button's action id travels in the card's submit data. */
    static final String ACTION_KEY = "guildhall";
    /** The id of the text box a button with a prompt sends: its text travels under this key in the action's data. */
    static final String INPUT_KEY = "guildhallText";
    /** What Teams accepts in one activity, measured as the activity's JSON. */
    static final int ACTIVITY_LIMIT = 28 * 1024;
    /** Room left in each activity for what sending adds to it: conversation, sender, recipient, service URL. */
    static final int ADDRESSING_ROOM = 4 * 1024;
    private static final int CARD_BUDGET = ACTIVITY_LIMIT - ADDRESSING_ROOM;
    /** The most one text block or fact set carries, so that several share a card and packing wastes little. */
    private static final int PIECE_BYTES = 4 * 1024;
    private static final TextSplitter PIECES = new TextSplitter(PIECE_BYTES, AdaptiveCards::jsonBytes,
            Mentions.ANY_TOKEN);
    private static final Pattern SLACK_BOLD = Pattern.compile("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])");
    private static final Pattern MARKUP = Pattern.compile("\\]\\(|<(?=/?at\\b)|&(?=#?[a-zA-Z0-9]+;)",
            Pattern.CASE_INSENSITIVE);
    private static final String WORD_JOINER = "\u2060";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    /** The cards that carry the message, each as an attachment for its own activity. */
    static List<Attachment> attachments(Message message) {
        List<ObjectNode> elements = elements(message);
        ArrayNode actions = actions(message);
        List<ObjectNode> inputs = inputs(message);
        int room = CARD_BUDGET - bytes(activity(card(inputs, actions)));
        List<Attachment> cards = new ArrayList<>();
        List<ObjectNode> current = new ArrayList<>();
        int used = 0;
        for (ObjectNode element : elements) {
            int size = bytes(element) + 1;
            if (!current.isEmpty() && used + size > room) {
                cards.add(attachment(card(current, null)));
                current = new ArrayList<>();
                used = 0;
            }
            current.add(element);
            used += size;
        }
        current.addAll(inputs);
        cards.add(attachment(card(current, actions)));
        return cards;
    }

    /**
     * A message that replaces an earlier one in place must stay one card: the core pages such messages so that they
     * fit. Should one still not fit, it says so visibly at the end rather than failing the update.
     */
    static Attachment attachment(Message message) {
        return attachment(card(message));
    }

    static ObjectNode card(Message message) {
        List<ObjectNode> elements = new ArrayList<>(elements(message));
        ArrayNode actions = actions(message);
        List<ObjectNode> inputs = inputs(message);
        ObjectNode card = card(withInputs(elements, inputs), actions);
        if (bytes(activity(card)) <= CARD_BUDGET) {
            return card;
        }
        ObjectNode note = textBlock("… the rest does not fit in one Teams message.").put("isSubtle", true);
        while (elements.size() > 1
                && bytes(activity(card(withInputs(elements, inputs), actions))) + bytes(note) > CARD_BUDGET) {
            elements.remove(elements.size() - 1);
        }
        elements.add(note);
        return card(withInputs(elements, inputs), actions);
    }

    /** The activity as the connector receives it, before addressing: what the 28 KB limit is checked against. */
    static Activity activity(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return MessageFactory.attachment(attachment);
    }

    static int bytes(Object json) {
        return Serialization.toStringSilent(json).getBytes(StandardCharsets.UTF_8).length;
    }

    static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }

    private static ObjectNode card(List<ObjectNode> elements, ArrayNode actions) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        // Action.Execute (Universal Actions) needs 1.5; other cards stay 1.4, which every Teams client renders.
        boolean universal = actions != null && actions.findValuesAsText("type").contains("Action.Execute");
        card.put("version", universal ? "1.5" : "1.4");
        card.putArray("body").addAll(elements);
        if (actions != null && !actions.isEmpty()) {
            card.set("actions", actions);
        }
        return card;
    }

    /** The card's body, in pieces small enough to share cards: text blocks, fact sets, the subtle context. */
    private static List<ObjectNode> elements(Message message) {
        List<ObjectNode> elements = new ArrayList<>();
        PIECES.split(message.text()).forEach(piece -> elements.add(textBlock(piece)));
        ArrayNode facts = JSON.arrayNode();
        for (Message.Field field : message.fields()) {
            ObjectNode fact = JSON.objectNode().put("title", markdown(field.label())).put("value", markdown(field.value()));
            if (bytes(fact) > PIECE_BYTES) {
                addFacts(elements, facts);
                facts = JSON.arrayNode();
                PIECES.split("*" + field.label() + "*\n" + field.value()).forEach(piece -> elements.add(textBlock(piece)));
                continue;
            }
            if (bytes(facts) + bytes(fact) > PIECE_BYTES) {
                addFacts(elements, facts);
                facts = JSON.arrayNode();
            }
            facts.add(fact);
        }
        addFacts(elements, facts);
        if (message.context() != null) {
            PIECES.split(message.context()).forEach(piece -> elements.add(textBlock(piece).put("isSubtle", true)
                    .put("size", "Small")));
        }
        return elements;
    }

    private static void addFacts(List<ObjectNode> elements, ArrayNode facts) {
        if (!facts.isEmpty()) {
            ObjectNode factSet = JSON.objectNode().put("type", "FactSet");
            factSet.set("facts", facts);
            elements.add(factSet);
        }
    }

    private static ObjectNode textBlock(String piece) {
        return JSON.objectNode().put("type", "TextBlock").put("text", markdown(piece)).put("wrap", true);
    }

    private static List<ObjectNode> withInputs(List<ObjectNode> elements, List<ObjectNode> inputs) {
        List<ObjectNode> all = new ArrayList<>(elements);
        all.addAll(inputs);
        return all;
    }

    /** The text box of a button that sends text; a card has at most one, since they would share its id. */
    private static List<ObjectNode> inputs(Message message) {
        return message.buttons().stream().filter(Message.Button::takesText).limit(1)
                .map(button -> JSON.objectNode().put("type", "Input.Text").put("id", INPUT_KEY)
                        .put("placeholder", button.prompt()).put("isMultiline", true).put("maxLength", 1000))
                .toList();
    }

    /**
     * Plain buttons are Action.Submit. A button that sends text is Action.Execute (Universal Actions): its answer
     * comes back in the invoke's response and replaces the card for the person who pressed it alone, so a private
     * answer can be given in a channel. The card carries no refresh: that would have to list who may see it.
     */
    private static ArrayNode actions(Message message) {
        ArrayNode actions = JSON.arrayNode();
        boolean textBox = false;
        for (Message.Button button : message.buttons()) {
            if (button.takesText()) {
                if (textBox) {
                    continue;
                }
                textBox = true;
            }
            ObjectNode action = actions.addObject()
                    .put("type", button.takesText() ? "Action.Execute" : "Action.Submit").put("title", button.label());
            switch (button.style()) {
                case PRIMARY -> action.put("style", "positive");
                case DANGER -> action.put("style", "destructive");
                default -> { }
            }
            ObjectNode data = action.putObject("data").put(ACTION_KEY, button.actionId());
            if (button.formToOpen().isPresent()) {
                // Teams opens a dialog (task module) from this button and asks the bot for it with task/fetch.
                data.putObject("msteams").put("type", "task/fetch");
            }
            if (button.takesText()) {
                // Clients older than Universal Actions fall back to a submit: the question still goes out unnamed.
                ObjectNode fallback = action.deepCopy().put("type", "Action.Submit");
                action.put("verb", "send").put("associatedInputs", "auto").set("fallback", fallback);
            }
        }
        return actions;
    }

    /** A piece's size once written as a JSON string (UTF-8, quotes and control characters escaped), without quotes. */
    static int jsonBytes(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800 || Character.isLowSurrogate(c)) {
                // a surrogate pair is 4 bytes in UTF-8: 2 counted for each half
                bytes += 2;
            } else {
                bytes += Character.isHighSurrogate(c) ? 2 : 3;
            }
        }
        return bytes;
    }

    /**
     * The core writes *bold* the way Slack does; Adaptive Cards want **bold**. Nothing a person typed becomes a link
     * or a mention: a masked link {@code [label](address)}, an {@code <at>} tag or an HTML entity is shown as typed.
     */
    static String markdown(String text) {
        // Replies quote people as "@Bob Smith" (a card mention would need its entity); channels by their label.
        String rendered = Mentions.render(inert(text), person -> "@" + inert(person.label()),
                channel -> inert(channel.label()));
        return SLACK_BOLD.matcher(rendered).replaceAll("**$1**");
    }

    /**
     * Card markdown has no escape that every Teams client honours, so the markup is broken with an invisible word
     * joiner instead: "[label](address)" then shows exactly so (its real address visible), "<at>" stays text and
     * "&lt;" is not read as "<".
     */
    private static String inert(String text) {
        return MARKUP.matcher(text).replaceAll(markup -> Matcher.quoteReplacement(
                markup.group().charAt(0) + WORD_JOINER + markup.group().substring(1)));
    }
}
