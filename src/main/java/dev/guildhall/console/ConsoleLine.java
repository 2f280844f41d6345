package dev.guildhall.console;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the console: {@code @alice /teach kubernetes}, {@code @bob #general /learn k8s},
 * {@code @bob !press mentorship.accept:1}, {@code @alice !form /guild meetup guild=devops title="Kafka" …},
 * {@code @alice !tz Europe/Berlin}, {@code !advance 25h}; blank lines and
 * lines starting with {@code #} are skipped.
 */
record ConsoleLine(Kind kind, String person, Optional<String> channel, String body) {
    enum Kind { SKIP, HELP, COMMAND, PRESS, FORM, TIME_ZONE, ADVANCE }

    private static final Pattern SPEAKER = Pattern.compile(
            "@([A-Za-z0-9._-]{1,40})(?:\\s+#([A-Za-z0-9_-]{1,80}))?\\s+(.*)", Pattern.DOTALL);
    static final String HOW = "Start a line with a person, like @alice /teach kubernetes (or @bob #general /learn k8s,"
            + " @bob !press <button id>, @alice !form /learn topic=kafka, @alice !tz Europe/Berlin); !advance 25h moves the clock;"
            + " help shows this.";

    static ConsoleLine parse(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return new ConsoleLine(Kind.SKIP, null, Optional.empty(), "");
        }
        if (line.equals("help") || line.equals("!help")) {
            return new ConsoleLine(Kind.HELP, null, Optional.empty(), "");
        }
        if (line.startsWith("!advance")) {
            return new ConsoleLine(Kind.ADVANCE, null, Optional.empty(), line.substring("!advance".length()).strip());
        }
        Matcher speaker = SPEAKER.matcher(line);
        if (!speaker.matches()) {
            throw new IllegalArgumentException(HOW);
        }
        String person = speaker.group(1);
        Optional<String> channel = Optional.ofNullable(speaker.group(2));
        String body = speaker.group(3).strip();
        if (body.startsWith("/")) {
            return new ConsoleLine(Kind.COMMAND, person, channel, body);
        }
        if (body.startsWith("!press")) {
            return new ConsoleLine(Kind.PRESS, person, channel, body.substring("!press".length()).strip());
        }
        if (body.startsWith("!form")) {
            return new ConsoleLine(Kind.FORM, person, channel, body.substring("!form".length()).strip());
        }
        if (body.startsWith("!tz")) {
            return new ConsoleLine(Kind.TIME_ZONE, person, channel, body.substring("!tz".length()).strip());
        }
        throw new IllegalArgumentException("After @" + person + " comes a /command, !press <button id>, !form /command name=value… or"
                + " !tz <zone>. "
                + HOW);
    }

    /** The command's name (without the slash) and the text after it. */
    String commandName() {
        int space = firstSpace();
        return body.substring(1, space < 0 ? body.length() : space);
    }

    String commandText() {
        int space = firstSpace();
        return space < 0 ? "" : body.substring(space + 1);
    }

    private int firstSpace() {
        for (int i = 0; i < body.length(); i++) {
            if (Character.isWhitespace(body.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
