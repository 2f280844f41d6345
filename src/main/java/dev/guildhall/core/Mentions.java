package dev.guildhall.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who or which channel a person meant, in whatever form their platform wrote it: {@code @bob} (console, or
 * typed as plain text anywhere), Slack's {@code <@U123|bob>} and {@code <@U123>}, Teams' {@code <at>Bob Smith</at>};
 * channels as {@code #general} or Slack's {@code <#C123|general>}. Ids are completed with the caller's platform
 * and workspace (taken from the caller's own id), so a mention never reaches into another workspace.
 */
public final class Mentions {
    private static final Pattern SLACK_USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern TEAMS_AT = Pattern.compile("<at>(.+?)</at>", Pattern.DOTALL);
    private static final Pattern PLAIN_NAME = Pattern.compile("@([\\p{L}\\p{N}._-][\\p{L}\\p{N} ._'-]{0,79})");
    private static final Pattern PLAIN_CHANNEL = Pattern.compile("#([\\p{L}\\p{N}_-]{1,80})");

    private Mentions() {
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
        String value = caller.value();
        int last = value.lastIndexOf(':');
        return value.substring(0, last);
    }

    public static Optional<Mention> person(PersonId caller, String text) {
        String written = text == null ? "" : text.strip();
        String platform = caller.platform();
        String workspace = workspaceOf(caller);
        Matcher slack = SLACK_USER.matcher(written);
        if (slack.matches()) {
            if (!platform.equals("slack")) {
                return Optional.empty();
            }
            String label = slack.group(2) == null || slack.group(2).isBlank() ? slack.group(1) : slack.group(2);
            return Optional.of(new ById(new PersonId(workspace + ":" + slack.group(1)), "@" + label));
        }
        Matcher teams = TEAMS_AT.matcher(written);
        if (teams.matches()) {
            String name = teams.group(1).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(new ByName(workspace, name, "@" + name));
        }
        Matcher plain = PLAIN_NAME.matcher(written);
        if (plain.matches()) {
            String name = plain.group(1).strip();
            if (platform.equals("console")) {
                return Optional.of(new ById(PersonId.of("console", name), "@" + name));
            }
            return Optional.of(new ByName(workspace, name, "@" + name));
        }
        return Optional.empty();
    }

    /** A channel mentioned, when its id can be known from the text alone. */
    public static Optional<ChannelId> channel(PersonId caller, String text) {
        String written = text == null ? "" : text.strip();
        String platform = caller.platform();
        Matcher slack = SLACK_CHANNEL.matcher(written);
        if (slack.matches()) {
            return platform.equals("slack")
                    ? Optional.of(new ChannelId(workspaceOf(caller) + ":" + slack.group(1)))
                    : Optional.empty();
        }
        Matcher plain = PLAIN_CHANNEL.matcher(written);
        if (plain.matches() && platform.equals("console")) {
            return Optional.of(ChannelId.of("console", plain.group(1)));
        }
        return Optional.empty();
    }

    /** Whether the text looks like a channel mention at all (so a wrong one gets a message, not a guild name). */
    public static boolean looksLikeChannel(String text) {
        String written = text == null ? "" : text.strip();
        return written.startsWith("#") || written.startsWith("<#");
    }
}
