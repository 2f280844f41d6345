package dev.guildhall.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a long text into pieces that each fit a platform's limit, so that nothing is lost: the pieces, put back
 * together, are the text exactly. The limit is measured on what the platform receives ({@code size}, say the length
 * after escaping), so the adapter splits the plain text first and escapes each piece after: an escaped entity is
 * never cut. A piece ends preferably after a paragraph, else after a line, else after a space; only a word longer
 * than the limit is cut inside, and then between characters as people see them (an emoji, a flag or an accented
 * letter stays whole), never inside a token the platform reads as one thing (a mention or channel link).
 */
public final class TextSplitter {
    private static final Pattern CHARACTER = Pattern.compile("\\X");
    private static final Pattern NOTHING = Pattern.compile("(?!)");

    private final int limit;
    private final ToIntFunction<String> size;
    private final Pattern unbreakable;

    /**
     * @param limit       the most a piece may measure
     * @param size        how the platform measures a piece; additive over the splitter's units
     * @param unbreakable tokens to keep whole (a platform's mention syntax), or null for none
     */
    public TextSplitter(int limit, ToIntFunction<String> size, Pattern unbreakable) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        this.size = Objects.requireNonNull(size, "size");
        this.unbreakable = unbreakable == null ? NOTHING : unbreakable;
    }

    /** Splits on the text's length in UTF-16 units, the way most chat limits count. */
    public static TextSplitter ofLength(int limit) {
        return new TextSplitter(limit, String::length, null);
    }

    /** The pieces, in order; an empty text is one empty piece. */
    public List<String> split(String text) {
        if (size.applyAsInt(text) <= limit) {
            return List.of(text);
        }
        List<Unit> units = units(text);
        List<String> pieces = new ArrayList<>();
        int first = 0;
        while (first < units.size()) {
            int end = fittingEnd(units, first);
            if (end < units.size()) {
                end = preferredBreak(text, units, first, end);
            }
            pieces.add(text.substring(units.get(first).start(), units.get(end - 1).end()));
            first = end;
        }
        return pieces;
    }

    /** The text's smallest parts that may not be cut: characters as people see them, and unbreakable tokens. */
    private List<Unit> units(String text) {
        List<Unit> units = new ArrayList<>();
        Matcher token = unbreakable.matcher(text);
        Matcher character = CHARACTER.matcher(text);
        int at = 0;
        while (at < text.length()) {
            int end;
            if (token.region(at, text.length()).lookingAt() && token.end() > at) {
                end = token.end();
            } else {
                character.region(at, text.length()).lookingAt();
                end = character.end();
            }
            String unit = text.substring(at, end);
            int cost = size.applyAsInt(unit);
            if (cost > limit) {
                addByCodePoint(units, text, at, end);
            } else {
                units.add(new Unit(at, end, cost));
            }
            at = end;
        }
        return units;
    }

    /** A unit bigger than a whole piece (a giant token or emoji sequence) can only be cut between code points. */
    private void addByCodePoint(List<Unit> units, String text, int from, int to) {
        int at = from;
        while (at < to) {
            int end = at + Character.charCount(text.codePointAt(at));
            units.add(new Unit(at, end, size.applyAsInt(text.substring(at, end))));
            at = end;
        }
    }

    /** The end (exclusive unit index) of the longest run from {@code first} that fits; always at least one unit. */
    private int fittingEnd(List<Unit> units, int first) {
        int total = 0;
        int end = first;
        while (end < units.size() && total + units.get(end).cost() <= limit) {
            total += units.get(end).cost();
            end++;
        }
        return Math.max(end, first + 1);
    }

    /** The last paragraph end in the run, else the last line end, else the last space, else the run's end. */
    private static int preferredBreak(String text, List<Unit> units, int first, int end) {
        int line = -1;
        int space = -1;
        for (int after = end; after > first; after--) {
            Unit last = units.get(after - 1);
            if (isNewline(text, last)) {
                if (after - 2 >= first && isNewline(text, units.get(after - 2))) {
                    return after;
                }
                line = line < 0 ? after : line;
            } else if (space < 0 && text.substring(last.start(), last.end()).isBlank()) {
                space = after;
            }
        }
        if (line > 0) {
            return line;
        }
        return space > 0 ? space : end;
    }

    private static boolean isNewline(String text, Unit unit) {
        String value = text.substring(unit.start(), unit.end());
        return value.equals("\n") || value.equals("\r\n");
    }

    private record Unit(int start, int end, int cost) {
    }
}
