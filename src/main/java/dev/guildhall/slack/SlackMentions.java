package dev.guildhall.slack;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Mentions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's mention markup and the core's tokens. Slack marks a person as {@code <@U123|bob>} (or {@code <@W123>} in
 * Enterprise Grid) and a channel as {@code <#C123|general>}: the id comes with the mention, qualified here by the
 * caller's organization. On the way out a token becomes Slack's own link again, which Slack shows by name. Every other
 * piece of Slack markup a person's text arrives with (the manifest asks Slack to escape) becomes plain text:
 * {@code <!here>} is "@here", a link shows its real address, and {@code &lt;} {@code &gt;} {@code &amp;} are the
 * characters typed — so nothing a person typed can reach a channel as markup again.
 */
final class SlackMentions {
    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|([^>]*))?>");
    /** {@code <!here>}, {@code <!channel>}, {@code <!subteam^S1|@team>}, {@code <!date^…|fallback>}. */
    private static final Pattern SPECIAL = Pattern.compile("<!([^|<>]*)(?:\\|([^<>]*))?>");
    private static final Pattern LINK = Pattern.compile("<([a-zA-Z][a-zA-Z0-9+.-]*:[^|<>]*)(?:\\|([^<>]*))?>");

    private SlackMentions() {
    }

    /** A person's text with Slack's mentions as tokens; anything else they typed stays as typed. */
    static String tokens(String organization, String text) {
        if (text == null) {
            return null;
        }
        String inert = Mentions.inert(text);
        String people = USER.matcher(inert).replaceAll(user -> Matcher.quoteReplacement(new Mentions.PersonToken(
                SlackIds.person(organization, user.group(1)), labelOr(user.group(2), user.group(1))).text()));
        String channels = CHANNEL.matcher(people).replaceAll(channel -> Matcher.quoteReplacement(
                new Mentions.ChannelToken(ChannelId.of(SlackIds.PLATFORM, organization, channel.group(1)),
                        labelOr(channel.group(2), channel.group(1))).text()));
        String specials = SPECIAL.matcher(channels).replaceAll(special -> Matcher.quoteReplacement(
                special(special.group(1), special.group(2))));
        return unescape(LINK.matcher(specials).replaceAll(link -> Matcher.quoteReplacement(
                link(link.group(1), link.group(2)))));
    }

    /**
     * A message's text as the words a reader sees, for prefilling a form ("Teach this"): a mention or a link becomes
     * its label (a person mentioned without one drops out: an id is no word), escaped characters the characters.
     */
    static String plainWords(String text) {
        if (text == null) {
            return "";
        }
        String people = USER.matcher(text).replaceAll(user -> Matcher.quoteReplacement(labelOr(user.group(2), "")));
        String channels = CHANNEL.matcher(people).replaceAll(channel -> Matcher.quoteReplacement(
                labelOr(channel.group(2), "")));
        String specials = SPECIAL.matcher(channels).replaceAll(special -> Matcher.quoteReplacement(
                labelOr(special.group(2), "")));
        String links = LINK.matcher(specials).replaceAll(link -> Matcher.quoteReplacement(
                labelOr(link.group(2), link.group(1))));
        return unescape(links).replaceAll("[ \\t]{2,}", " ").strip();
    }

    private static String special(String name, String label) {
        if (label != null && !label.isBlank()) {
            return label.startsWith("@") || name.startsWith("date") ? label : "@" + label;
        }
        return "@" + name;
    }

    /** A link as its real address; a label that says something else is kept before it, never instead of it. */
    private static String link(String address, String label) {
        String url = unescape(address);
        if (label == null || label.isBlank()) {
            return url;
        }
        String shown = unescape(label);
        return shown.equals(url) || url.endsWith("//" + shown) || url.equals("mailto:" + shown)
                ? url : shown + " (" + url + ")";
    }

    /** Slack sends the three characters it uses for markup as entities. */
    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String labelOr(String label, String id) {
        return label == null || label.isBlank() ? id : label;
    }

    /** Tokens as Slack links ({@code <@U123>}, {@code <#C123>}); another platform's tokens as their labels. */
    static String render(String text) {
        return Mentions.render(text,
                person -> person.id().platform().equals(SlackIds.PLATFORM)
                        ? "<@" + SlackIds.userId(person.id()) + ">" : "@" + person.label(),
                channel -> channel.id().platform().equals(SlackIds.PLATFORM)
                        ? "<#" + SlackIds.channelId(channel.id()) + ">" : channel.label());
    }
}
