package dev.guildhall.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Message;

import java.util.regex.Pattern;

/** The neutral message as an Adaptive Card: text, a fact set for fields, a subtle context line, Submit buttons. */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The key under which a button's action id travels in the card's submit data. */
    static final String ACTION_KEY = "guildhall";
    private static final Pattern SLACK_BOLD = Pattern.compile("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    static Attachment attachment(Message message) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card(message));
        return attachment;
    }

    static ObjectNode card(Message message) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", markdown(message.text())).put("wrap", true);
        if (!message.fields().isEmpty()) {
            ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
            message.fields().forEach(f -> facts.addObject().put("title", markdown(f.label())).put("value", markdown(f.value())));
        }
        if (message.context() != null) {
            body.addObject().put("type", "TextBlock").put("text", markdown(message.context())).put("wrap", true)
                    .put("isSubtle", true).put("size", "Small");
        }
        if (!message.buttons().isEmpty()) {
            ArrayNode actions = card.putArray("actions");
            for (Message.Button button : message.buttons()) {
                ObjectNode action = actions.addObject().put("type", "Action.Submit").put("title", button.label());
                switch (button.style()) {
                    case PRIMARY -> action.put("style", "positive");
                    case DANGER -> action.put("style", "destructive");
                    default -> { }
                }
                action.putObject("data").put(ACTION_KEY, button.actionId());
            }
        }
        return card;
    }

    /** The core writes *bold* the way Slack does; Adaptive Cards want **bold**. */
    static String markdown(String text) {
        // Replies quote people as "@Bob Smith" (a card mention would need its entity); channels by their label.
        String rendered = Mentions.render(text, person -> "@" + person.label(), channel -> channel.label());
        return SLACK_BOLD.matcher(rendered).replaceAll("**$1**");
    }
}
