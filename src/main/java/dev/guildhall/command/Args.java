package dev.guildhall.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words after a command's name. Options ({@code --capacity 3} or {@code --capacity=3}) are only taken out when
 * a handler names the ones it knows, so an option nobody expects is an error instead of being ignored.
 */
public final class Args {
    private final String text;
    private final List<Token> tokens;
    private final Map<String, String> options;

    private Args(String text, List<Token> tokens, Map<String, String> options) {
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.options = Map.copyOf(options);
    }

    public static Args parse(String text) {
        String safe = text == null ? "" : text;
        return new Args(safe, Tokenizer.tokenize(safe), Map.of());
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public int size() {
        return tokens.size();
    }

    public String get(int index) {
        return tokens.get(index).value();
    }

    public boolean isQuoted(int index) {
        return tokens.get(index).quoted();
    }

    /** The first word in lower case, or "" when there is none: commands branch on it. */
    public String first() {
        return tokens.isEmpty() ? "" : tokens.get(0).value().toLowerCase(Locale.ROOT);
    }

    /** The same words without the first one. */
    public Args shift() {
        return tokens.isEmpty() ? this : new Args(text, tokens.subList(1, tokens.size()), options);
    }

    /** Everything from the given word on, as the person typed it (quotes kept), or "" past the end. */
    public String restFrom(int index) {
        if (index >= tokens.size()) {
            return "";
        }
        return text.substring(tokens.get(index).start(), tokens.get(tokens.size() - 1).end()).trim();
    }

    /** Takes out the named options; any other {@code --word} is a usage error naming it. */
    public Args withOptions(Set<String> known, String usage) {
        List<Token> positional = new ArrayList<>();
        Map<String, String> found = new HashMap<>(options);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isOption()) {
                positional.add(token);
                continue;
            }
            String name = token.value().substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            name = name.toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                throw new UsageException("I don't know the option --" + name + ". " + usage);
            }
            if (value == null) {
                if (i + 1 >= tokens.size()) {
                    throw new UsageException("--" + name + " needs a value. " + usage);
                }
                value = tokens.get(++i).value();
            }
            found.put(name, value);
        }
        return new Args(text, positional, found);
    }

    /** Takes out the named flags ({@code --name}, no value); {@link #flag} then says whether each was there. */
    public Args withFlags(Set<String> known) {
        List<Token> rest = new ArrayList<>();
        Map<String, String> found = new HashMap<>(options);
        for (Token token : tokens) {
            String name = token.isOption() ? token.value().substring(2).toLowerCase(Locale.ROOT) : "";
            if (known.contains(name)) {
                found.put(name, "");
            } else {
                rest.add(token);
            }
        }
        return new Args(text, rest, found);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /**
     * A value as one quoted word of a command text, whatever quotes it holds itself: a form's value becomes the words
     * the handler reads exactly as if they had been typed in quotes.
     */
    public static String quoted(String value) {
        if (value.indexOf('"') < 0) {
            return '"' + value + '"';
        }
        if (value.indexOf('\'') < 0) {
            return "'" + value + "'";
        }
        return "\u201C" + value.replace('\u201D', '"') + "\u201D";
    }

    /**
     * Free text for the end of a command (read back with {@link #restFrom}): its straight and opening quotes become
     * closing curly ones, which never start a quoted word, so an apostrophe or an odd quote is kept as written.
     */
    public static String tail(String text) {
        return text.replace('"', '\u201D').replace('\u201C', '\u201D').replace('\u201E', '\u201D')
                .replace('\'', '\u2019').replace('\u2018', '\u2019');
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** An option that must be a whole number within bounds, with a message that says which. */
    public Optional<Integer> intOption(String name, int min, int max) {
        return option(name).map(raw -> {
            try {
                int value = Integer.parseInt(raw.trim());
                if (value < min || value > max) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " takes a whole number from " + min + " to " + max
                        + ", like --" + name + " " + Math.max(min, Math.min(max, 2)) + ".");
            }
        });
    }
}
