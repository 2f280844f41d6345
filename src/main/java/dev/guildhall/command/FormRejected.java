package dev.guildhall.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A form sent with something to fix: the problems by field name ({@code ""} for the form as a whole), shown next to
 * the fields where the platform can, and as one message where it can't. Like any bad input it changes nothing.
 */
public class FormRejected extends UsageException {
    private final Map<String, String> problems;

    public FormRejected(Map<String, String> problems, Map<String, String> labels) {
        super(text(problems, labels));
        this.problems = Map.copyOf(problems);
    }

    /** A problem with one field, from code that knows the field but not its label. */
    public FormRejected(String field, String problem) {
        this(Map.of(field, problem), Map.of());
    }

    public Map<String, String> problems() {
        return problems;
    }

    private static String text(Map<String, String> problems, Map<String, String> labels) {
        Map<String, String> ordered = new LinkedHashMap<>(problems);
        return ordered.entrySet().stream()
                .map(e -> e.getKey().isEmpty() ? e.getValue() : labels.getOrDefault(e.getKey(), e.getKey()) + ": "
                        + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
