package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Serialization;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the platform-neutral core needs out of a Bot Framework activity. */
final class TeamsInbound {
    static final String PLATFORM = "teams";
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<at>[^<]*</at>\\s*");
    private static final Pattern OTHER_MENTION = Pattern.compile("<at>([^<]*)</at>");
    private static final java.util.Set<String> GREETINGS = java.util.Set.of("help", "hi", "hello");
    private static final Pattern NOT_A_LETTER = Pattern.compile("\\P{L}");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private TeamsInbound() {
    }

    /** A slash command typed as a message: {@code learn kubernetes} or {@code /learn kubernetes}. */
    record TypedCommand(String name, String text) {
    }

    static String tenant(Activity activity) {
        if (activity.getConversation() != null && activity.getConversation().getTenantId() != null) {
            return activity.getConversation().getTenantId();
        }
        JsonNode channelData = Serialization.objectToTree(activity.getChannelData());
        String fromChannelData = channelData == null ? null : channelData.path("tenant").path("id").asText(null);
        return fromChannelData == null || fromChannelData.isBlank() ? "unknown-tenant" : fromChannelData;
    }

    /** {@code teams:<tenant>:<aad object id>}; the Teams user id stands in when the AAD id is not sent. */
    static PersonId personId(Activity activity) {
        String aad = activity.getFrom().getAadObjectId();
        String user = aad == null || aad.isBlank() ? activity.getFrom().getId() : aad;
        return PersonId.of(PLATFORM, tenant(activity), user);
    }

    static Person person(Activity activity) {
        return new Person(personId(activity), activity.getFrom().getName(), timeZone(activity));
    }

    /** Teams clients report their time zone in a clientInfo entity. */
    static Optional<ZoneId> timeZone(Activity activity) {
        if (activity.getEntities() == null) {
            return Optional.empty();
        }
        return activity.getEntities().stream()
                .filter(e -> "clientInfo".equalsIgnoreCase(e.getType()))
                .map(e -> e.getProperties().get("timezone"))
                .filter(zone -> zone != null && zone.isTextual())
                .findFirst()
                .flatMap(zone -> {
                    try {
                        return Optional.of(ZoneId.of(zone.asText()));
                    } catch (DateTimeException e) {
                        return Optional.empty();
                    }
                });
    }

    /** The team a channel activity comes from ({@code channelData.team}); its group id only some activities carry. */
    static TeamsStore.Team team(Activity activity) {
        JsonNode team = Serialization.objectToTree(activity.getChannelData());
        team = team == null ? MissingNode.getInstance() : team.path("team");
        String id = team.path("id").asText("");
        String group = team.path("aadGroupId").asText("");
        return id.isBlank() ? TeamsStore.Team.NONE
                : new TeamsStore.Team(id, group.isBlank() ? Optional.empty() : Optional.of(group));
    }

    static boolean isPersonal(Activity activity) {
        return activity.getConversation() != null
                && "personal".equalsIgnoreCase(activity.getConversation().getConversationType());
    }

    /** The conversation, without the {@code ;messageid=} suffix Teams adds for replies in a channel thread. */
    static String conversationId(Activity activity) {
        String id = activity.getConversation().getId();
        int suffix = id.indexOf(";messageid=");
        return suffix < 0 ? id : id.substring(0, suffix);
    }

    /** Empty in a personal chat with the bot, like a DM on Slack. */
    static Optional<ChannelId> channel(Activity activity) {
        if (isPersonal(activity)) {
            return Optional.empty();
        }
        return Optional.of(ChannelId.of(PLATFORM, tenant(activity), conversationId(activity)));
    }

    /** The action id of a pressed card button: Action.Submit arrives as a message with a value, Action.Execute as an invoke. */
    static Optional<String> actionId(Activity activity) {
        JsonNode id = data(activity).path(AdaptiveCards.ACTION_KEY);
        return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
    }

    /** The text typed into a card's box and sent with the button ({@link AdaptiveCards#INPUT_KEY}); empty if none. */
    static String input(Activity activity) {
        return Mentions.inert(data(activity).path(AdaptiveCards.INPUT_KEY).asText(""));
    }

    /** A button's data: Action.Submit's value as it is, Action.Execute's under {@code action.data}. */
    static JsonNode data(Activity activity) {
        JsonNode value = Serialization.objectToTree(activity.getValue());
        if (value == null || value.isNull()) {
            return MissingNode.getInstance();
        }
        return activity.isType(ActivityTypes.INVOKE) ? value.path("action").path("data") : value;
    }

    /**
     * The command in a message. In a channel or group chat the bot only hears messages that mention it: the mention
     * is removed using the activity's mention entities (the one naming the recipient, i.e. this bot). Other people's
     * mentions become the core's tokens, by the id in their mention entity ({@code knownByTeamsId} finds the person
     * the bot has met under a Teams user id); a mention whose person cannot be known stays their {@code @name}, one
     * word for the command grammar (quoted when the name has spaces), which the core looks up by name.
     */
    static Optional<TypedCommand> command(Activity activity, Function<String, Optional<PersonId>> knownByTeamsId) {
        String text = activity.getText();
        if (text == null) {
            return Optional.empty();
        }
        text = Mentions.inert(text);
        if (!isPersonal(activity)) {
            text = withoutRecipientMention(activity, text);
        }
        Map<String, PersonId> mentioned = mentioned(activity, knownByTeamsId);
        text = OTHER_MENTION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(mention(m.group(0),
                unescapeHtml(m.group(1)).strip(), mentioned)));
        text = unescapeHtml(TAGS.matcher(text).replaceAll(" ")).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.startsWith("/")) {
            text = text.substring(1);
        }
        int space = text.indexOf(' ');
        return Optional.of(space < 0 ? new TypedCommand(text, "")
                : new TypedCommand(text.substring(0, space), text.substring(space + 1).strip()));
    }

    /**
     * "help", "hi" or "hello" alone, in any case and with any punctuation: what a new Teams user types first. They
     * get the help card, as an empty message does, rather than being told such a command does not exist.
     */
    static boolean isGreeting(TypedCommand typed) {
        return typed.text().isEmpty() && GREETINGS.contains(
                NOT_A_LETTER.matcher(typed.name()).replaceAll("").toLowerCase(java.util.Locale.ROOT));
    }

    private static String mention(String markup, String name, Map<String, PersonId> mentioned) {
        PersonId person = mentioned.get(markup);
        if (person != null) {
            // Escaped for the HTML unescaping that follows; the token keeps the name as Teams showed it.
            return escapeHtml(new Mentions.PersonToken(person, name).text());
        }
        return name.contains(" ") ? "\"@" + name + "\"" : "@" + name;
    }

    /** Each mention entity's markup ({@code <at>Bob Smith</at>}) and the person it names, when that can be known. */
    private static Map<String, PersonId> mentioned(Activity activity, Function<String, Optional<PersonId>> known) {
        Map<String, PersonId> people = new HashMap<>();
        if (activity.getEntities() == null) {
            return people;
        }
        for (Entity entity : activity.getEntities()) {
            JsonNode who = entity.getProperties().get("mentioned");
            JsonNode markup = entity.getProperties().get("text");
            if (!"mention".equalsIgnoreCase(entity.getType()) || who == null || markup == null) {
                continue;
            }
            String aad = who.path("aadObjectId").asText("");
            Optional<PersonId> person = !aad.isBlank() ? Optional.of(PersonId.of(PLATFORM, tenant(activity), aad))
                    : known.apply(who.path("id").asText(""));
            person.ifPresent(id -> people.putIfAbsent(Mentions.inert(markup.asText()), id));
        }
        return people;
    }

    private static String withoutRecipientMention(Activity activity, String text) {
        String recipient = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        if (activity.getEntities() != null && recipient != null) {
            for (Entity entity : activity.getEntities()) {
                if (!"mention".equalsIgnoreCase(entity.getType())) {
                    continue;
                }
                JsonNode mentioned = entity.getProperties().get("mentioned");
                JsonNode mentionText = entity.getProperties().get("text");
                if (mentioned != null && recipient.equals(mentioned.path("id").asText())
                        && mentionText != null && text.contains(mentionText.asText())) {
                    return text.replace(mentionText.asText(), " ");
                }
            }
        }
        // The mention entity's text does not always match the message (clients rename the bot); the message still
        // reached us because it mentions the bot, and that mention leads the message.
        return LEADING_MENTION.matcher(text).replaceFirst("");
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unescapeHtml(String text) {
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
