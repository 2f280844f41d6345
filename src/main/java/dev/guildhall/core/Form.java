package dev.guildhall.core;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A form a person fills in instead of typing a command's arguments, independent of any platform: Slack shows it as a
 * modal, Teams as an Adaptive Card in a dialog, the console takes {@code name=value} pairs. {@code id} names it when
 * it comes back (see {@link FormSubmission}); what it becomes is the command its capability builds from the values.
 */
public record Form(String id, String title, String submitLabel, List<Field> fields) {
    /** Slack caps a modal's title at 24 characters and its submit label at 24. */
    public static final int MAX_TITLE = 24;

    public Form {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(submitLabel, "submitLabel");
        fields = List.copyOf(fields);
        if (title.length() > MAX_TITLE || submitLabel.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a form's title and submit label have at most " + MAX_TITLE
                    + " characters: " + title + " / " + submitLabel);
        }
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** False when a required choice has nothing to choose from (a lead's form for someone who leads nothing). */
    public boolean fillable() {
        return fields.stream().noneMatch(f -> f.required() && f.kind() == Kind.SELECT && !f.suggested()
                && f.choices().isEmpty());
    }

    /** The same form with some fields filled in already (a message shortcut's text, a value typed before). */
    public Form prefilled(Map<String, String> values) {
        return new Form(id, title, submitLabel, fields.stream()
                .map(f -> values.containsKey(f.name()) ? f.withInitial(values.get(f.name())) : f).toList());
    }

    /**
     * Checks what came back against the fields: required ones filled, numbers, dates and times readable and in range,
     * a choice among the offered ones. Returns the values tidied (trimmed, checkbox as true/false) or the problems,
     * each on its field ({@code ""} for one that is not a field of this form).
     */
    public Checked check(Map<String, String> submitted) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        submitted.keySet().stream().filter(name -> field(name).isEmpty()).findFirst().ifPresent(name ->
                errors.put("", "This form has no field \"" + name + "\"; its fields are " + names() + "."));
        for (Field field : fields) {
            // A field left out altogether (the console names only some) takes its initial value, as a form shows it.
            String raw = submitted.containsKey(field.name()) ? submitted.get(field.name())
                    : field.initial() == null ? "" : field.initial();
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                if (field.required()) {
                    errors.put(field.name(), "Fill in " + field.label().toLowerCase(Locale.ROOT) + ".");
                } else if (field.kind() == Kind.CHECKBOX) {
                    values.put(field.name(), "false");
                }
                continue;
            }
            field.problemWith(value).ifPresentOrElse(problem -> errors.put(field.name(), problem),
                    () -> values.put(field.name(), field.tidy(value)));
        }
        return new Checked(values, errors);
    }

    /** The fields' names, as the console's {@code !form} takes them. */
    public String names() {
        return fields.stream().map(Field::name).collect(Collectors.joining(", "));
    }

    public record Checked(Map<String, String> values, Map<String, String> errors) {
        public Checked {
            values = Map.copyOf(values);
            errors = Map.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public enum Kind { TEXT, LONG_TEXT, SELECT, DATE, TIME, NUMBER, CHECKBOX }

    /** One offered value of a select: what comes back, and what the person sees. */
    public record Choice(String value, String label) {
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One field. A select either offers {@code choices} or, when {@code suggested}, asks the bot for choices as the
     * person types (and then takes any value: a new topic is allowed). {@code min}/{@code max} bound a number's value
     * and a text's length. A time is local to the person who fills it in (the platform reports their zone).
     */
    public record Field(String name, String label, Kind kind, boolean required, String hint, List<Choice> choices,
                        boolean suggested, String initial, int min, int max) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
            choices = List.copyOf(choices == null ? List.of() : choices);
            hint = hint == null ? "" : hint;
        }

        public static Field text(String name, String label, int maxLength) {
            return new Field(name, label, Kind.TEXT, true, "", List.of(), false, null, 1, maxLength);
        }

        public static Field longText(String name, String label, int maxLength) {
            return new Field(name, label, Kind.LONG_TEXT, true, "", List.of(), false, null, 1, maxLength);
        }

        public static Field select(String name, String label, List<Choice> choices) {
            return new Field(name, label, Kind.SELECT, true, "", choices, false, null, 0, 0);
        }

        /** A select whose choices the bot suggests as the person types; any typed value is allowed. */
        public static Field suggested(String name, String label, int maxLength) {
            return new Field(name, label, Kind.SELECT, true, "", List.of(), true, null, 1, maxLength);
        }

        public static Field date(String name, String label) {
            return new Field(name, label, Kind.DATE, true, "", List.of(), false, null, 0, 0);
        }

        public static Field time(String name, String label) {
            return new Field(name, label, Kind.TIME, true, "", List.of(), false, null, 0, 0);
        }

        public static Field number(String name, String label, int min, int max) {
            return new Field(name, label, Kind.NUMBER, true, "", List.of(), false, null, min, max);
        }

        public static Field checkbox(String name, String label) {
            return new Field(name, label, Kind.CHECKBOX, false, "", List.of(), false, null, 0, 0);
        }

        public Field optional() {
            return new Field(name, label, kind, false, hint, choices, suggested, initial, min, max);
        }

        public Field withHint(String text) {
            return new Field(name, label, kind, required, text, choices, suggested, initial, min, max);
        }

        public Field withInitial(String value) {
            return new Field(name, label, kind, required, hint, choices, suggested, value, min, max);
        }

        /** How the console and help describe the field: {@code title (text, up to 150)}. */
        public String describe() {
            String what = switch (kind) {
                case TEXT, LONG_TEXT -> "text, up to " + max + " characters";
                case SELECT -> suggested ? "any name, suggestions as you type" : choices.isEmpty() ? "a choice"
                        : "one of " + choices.stream().map(Choice::value).collect(Collectors.joining("|"));
                case DATE -> "a date like 2026-12-10";
                case TIME -> "a time like 16:00, in your time zone";
                case NUMBER -> "a whole number from " + min + " to " + max;
                case CHECKBOX -> "yes or no";
            };
            return name + " (" + what + (required ? "" : ", optional") + ")";
        }

        private Optional<String> problemWith(String value) {
            String label = this.label.toLowerCase(Locale.ROOT);
            return switch (kind) {
                case TEXT, LONG_TEXT -> value.length() > max ? Optional.of("Keep " + label + " to " + max
                        + " characters (that was " + value.length() + ").") : Optional.empty();
                case SELECT -> suggested
                        ? (value.length() > max ? Optional.of("Keep " + label + " to " + max + " characters.")
                        : Optional.empty())
                        : choices.stream().anyMatch(c -> c.value().equalsIgnoreCase(value)) ? Optional.empty()
                        : Optional.of(choices.isEmpty() ? "There is nothing to choose for " + label + "."
                        : "Choose " + label + " among " + choices.stream().map(Choice::value)
                        .collect(Collectors.joining(", ")) + ".");
                case DATE -> parses(() -> LocalDate.parse(value), "Give " + label + " as a date like 2026-12-10.");
                case TIME -> parses(() -> LocalTime.parse(padded(value)), "Give " + label
                        + " as a time like 16:00.");
                case NUMBER -> {
                    try {
                        int number = Integer.parseInt(value);
                        yield number < min || number > max ? Optional.of(outOfRange()) : Optional.empty();
                    } catch (NumberFormatException e) {
                        yield Optional.of(outOfRange());
                    }
                }
                case CHECKBOX -> List.of("true", "false", "yes", "no", "on", "off").contains(
                        value.toLowerCase(Locale.ROOT)) ? Optional.empty()
                        : Optional.of("Answer " + label + " with yes or no.");
            };
        }

        private String outOfRange() {
            return "Give " + label.toLowerCase(Locale.ROOT) + " as a whole number from " + min + " to " + max + ".";
        }

        private String tidy(String value) {
            return switch (kind) {
                case TIME -> LocalTime.parse(padded(value)).toString();
                case SELECT -> suggested ? value : choices.stream().filter(c -> c.value().equalsIgnoreCase(value))
                        .findFirst().map(Choice::value).orElse(value);
                case CHECKBOX -> String.valueOf(List.of("true", "yes", "on").contains(value.toLowerCase(Locale.ROOT)));
                default -> value;
            };
        }

        private static String padded(String time) {
            return time.length() == 4 && time.charAt(1) == ':' ? "0" + time : time;
        }

        private static Optional<String> parses(Runnable parse, String problem) {
            try {
                parse.run();
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of(problem);
            }
        }
    }
}
