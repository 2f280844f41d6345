package dev.guildhall.core;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mentions in the core's own form, free of any platform's markup. Adapters turn the mentions a platform marked in a
 * person's text into tokens before the core sees it — {@code ⟦@slack:T1:U123|bob⟧} for a person,
 * {@code ⟦#slack:T1:C42|general⟧} for a channel: the id the platform gave and the label it showed — and render tokens
 * back into native mentions on the way out ({@link #render}). Text a person typed is made {@link #inert} first, so
 * nobody can write a token themselves. Plain {@code @bob} and {@code #general} stay text: the console's way to
 * mention, and a name typed anywhere, looked up among people seen within the caller's workspace.
 */
public final class Mentions {
    static final char OPEN = '\u27E6';
    static final char CLOSE = '\u27E7';
    private static final Pattern TOKEN = Pattern.compile("\u27E6([@#])([^|\u27E6\u27E7]+)\\|([^\u27E6\u27E7]*)\u27E7");

    /** A mention token as the core writes it: whoever splits text for a platform keeps one whole. */
    public static final Pattern ANY_TOKEN = TOKEN;
    private static final Pattern PLAIN_NAME = Pattern.compile("@([\\p{L}\\p{N}._-][\\p{L}\\p{N} ._'-]{0,79})");
    private static final Pattern PLAIN_CHANNEL = Pattern.compile("#([\\p{L}\\p{N}_-]{1,80})");

    private Mentions() {
    }

    /** A person the platform marked: their id and the label the text showed. */
    public record PersonToken(PersonId id, String label) {
        public String text() {
            return OPEN + "@" + id.value() + "|" + clean(label) + CLOSE;
        }
    }

    /** A channel the platform marked. */
    public record ChannelToken(ChannelId id, String label) {
        public String text() {
            return OPEN + "#" + id.value() + "|" + clean(label) + CLOSE;
        }
    }

    /** Text a person typed, with any token-like brackets made plain brackets, so it can carry no token. */
    public static String inert(String typed) {
        return typed == null ? null : typed.replace(OPEN, '[').replace(CLOSE, ']');
    }

    private static String clean(String label) {
        return inert(label == null ? "" : label).replace('|', '/');
    }

    /** Each token in {@code text} replaced by what a platform shows for it; the rest untouched. */
    public static String render(String text, Function<PersonToken, String> person,
                                Function<ChannelToken, String> channel) {
        if (text == null || text.indexOf(OPEN) < 0) {
            return text;
        }
        return TOKEN.matcher(text).replaceAll(token -> Matcher.quoteReplacement(token.group(1).equals("@")
                ? person.apply(new PersonToken(new PersonId(token.group(2)), token.group(3)))
                : channel.apply(new ChannelToken(new ChannelId(token.group(2)), token.group(3)))));
    }

    /**
     * Text nobody may be pinged through, such as an anonymous question: each token becomes its label as plain text
     * ({@code @bob}, {@code #general}), which every adapter escapes like any other typed text.
     */
    public static String plain(String text) {
        return render(text, person -> "@" + person.label(), channel -> "#" + channel.label());
    }

    /** Where the token starting at {@code from} ends (exclusive), or -1 when no token starts there. */
    public static int tokenEnd(String text, int from) {
        if (text.charAt(from) != OPEN) {
            return -1;
        }
        Matcher token = TOKEN.matcher(text).region(from, text.length());
        return token.lookingAt() ? token.end() : -1;
    }

    /** A person mentioned: either an id the platform gave, or a name still to be looked up among people seen. */
    public sealed interface Mention permits ById, ByName {
        /** How to show the mention back to the person who wrote it. */
        String shown();
    }

    public record ById(PersonId id, String shown) implements Mention {
    }

    /** {@code workspace} is the platform-qualified prefix of the ids the name may belong to, like slack:T123. */
    public record ByName(String workspace, String name, String shown) implements Mention {
    }

    /** The caller's platform and workspace: the id without its last part ({@code slack:T123}, {@code console}). */
    public static String workspaceOf(PersonId caller) {
        return withoutLastPart(caller.value());
    }

    private static String withoutLastPart(String value) {
        return value.substring(0, value.lastIndexOf(':'));
    }

    /** The person a word names: a token of the caller's own workspace, or a plain {@code @name}. */
    public static Optional<Mention> person(PersonId caller, String text) {
        String written = text == null ? "" : text.strip();
        String workspace = workspaceOf(caller);
        Matcher token = TOKEN.matcher(written);
        if (token.matches()) {
            if (!token.group(1).equals("@") || !token.group(2).contains(":")
                    || !withoutLastPart(token.group(2)).equals(workspace)) {
                return Optional.empty();
            }
            String label = token.group(3).isBlank() ? localId(token.group(2)) : token.group(3);
            return Optional.of(new ById(new PersonId(token.group(2)), "@" + label));
        }
        Matcher plain = PLAIN_NAME.matcher(written);
        if (plain.matches()) {
            String name = plain.group(1).strip();
            if (caller.platform().equals("console")) {
                return Optional.of(new ById(PersonId.of("console", name), "@" + name));
            }
            return Optional.of(new ByName(workspace, name, "@" + name));
        }
        return Optional.empty();
    }

    /** A channel mentioned, when its id can be known from the text alone: a token of the caller's workspace. */
    public static Optional<ChannelId> channel(PersonId caller, String text) {
        String written = text == null ? "" : text.strip();
        Matcher token = TOKEN.matcher(written);
        if (token.matches()) {
            return token.group(1).equals("#") && token.group(2).contains(":")
                    && withoutLastPart(token.group(2)).equals(workspaceOf(caller))
                    ? Optional.of(new ChannelId(token.group(2))) : Optional.empty();
        }
        Matcher plain = PLAIN_CHANNEL.matcher(written);
        if (plain.matches() && caller.platform().equals("console")) {
            return Optional.of(ChannelId.of("console", plain.group(1)));
        }
        return Optional.empty();
    }

    /** Whether the text looks like a channel mention at all (so a wrong one gets a message, not a guild name). */
    public static boolean looksLikeChannel(String text) {
        String written = text == null ? "" : text.strip();
        return written.startsWith("#") || written.startsWith(OPEN + "#");
    }

    private static String localId(String qualified) {
        return qualified.substring(qualified.lastIndexOf(':') + 1);
    }
}
