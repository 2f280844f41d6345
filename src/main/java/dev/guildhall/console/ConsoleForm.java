package dev.guildhall.console;

import dev.guildhall.command.FormSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What follows {@code !form}: the command the form stands for, then {@code name=value} pairs (a value with spaces in
 * double or single quotes), and {@code --confirm} to send a form that previews (like /guild announce) at once.
 */
record ConsoleForm(FormSpec spec, Map<String, String> values, boolean confirmed) {
    static final String HOW = "Fill a form like @alice !form /guild meetup guild=devops title=\"Kafka\""
            + " date=2026-12-10 time=16:00 (help lists each form's fields).";
    private static final String CONFIRM = "--confirm";
    private static final Pattern PAIR = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)=(?:\"([^\"]*)\"|'([^']*)'|(\\S*))");

    static ConsoleForm parse(String body, List<FormSpec> forms) {
        FormSpec spec = forms.stream()
                .filter(form -> body.equals(form.commandLine()) || body.startsWith(form.commandLine() + " "))
                // "/guild meetup" before "/guild": the longest command line that matches.
                .max((a, b) -> Integer.compare(a.commandLine().length(), b.commandLine().length()))
                .orElseThrow(() -> new IllegalArgumentException("No form for that command; forms exist for "
                        + String.join(", ", forms.stream().map(FormSpec::commandLine).toList()) + ". " + HOW));
        String rest = body.substring(spec.commandLine().length()).strip();
        boolean confirmed = rest.endsWith(CONFIRM);
        if (confirmed) {
            rest = rest.substring(0, rest.length() - CONFIRM.length()).strip();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher pair = PAIR.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (!pair.find(at) || pair.start() != at) {
                throw new IllegalArgumentException("I can't read \"" + rest.substring(at).strip()
                        + "\" as name=value. " + HOW);
            }
            String value = Optional.ofNullable(pair.group(2)).or(() -> Optional.ofNullable(pair.group(3)))
                    .orElse(pair.group(4));
            values.put(pair.group(1), value);
            at = pair.end();
            while (at < rest.length() && Character.isWhitespace(rest.charAt(at))) {
                at++;
            }
        }
        return new ConsoleForm(spec, values, confirmed);
    }
}
