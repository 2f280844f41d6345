package dev.guildhall.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one table holds about people, column by column, and what forgetting a person does with each. Every column
 * of every table is declared by the capability that owns the table, so nothing is left to guessing from names or
 * types (a test fails when a column is declared nowhere).
 */
public record PersonalData(String table, Map<String, Column> columns) {

    public PersonalData {
        columns = Map.copyOf(columns);
    }

    /** One column and its treatment. */
    public sealed interface Column permits NotPersonal, PersonColumn, FreeText {
    }

    /** Holds nothing about a person (numbers, times, states, kinds, other rows' ids, channel ids). */
    public record NotPersonal() implements Column {
    }

    /**
     * Holds a person's id. Their rows are deleted ({@link OnForget#DELETE_ROW}) when the row is only about them, or
     * keep counting under the tombstone id ({@link OnForget#TOMBSTONE}). {@code aliases} name columns of the same
     * row holding other ids of that person on a platform (text elsewhere may name them by those).
     */
    public record PersonColumn(OnForget onForget, List<String> aliases) implements Column {
        public PersonColumn {
            aliases = List.copyOf(aliases);
        }
    }

    public enum OnForget { DELETE_ROW, TOMBSTONE }

    /**
     * Free text, plain or JSON. When {@code writtenBy} names the row's person column and that person is forgotten,
     * the text is replaced with {@code blank} (which may be null for a nullable column); everywhere else only whole
     * mentions of the forgotten person are replaced. JSON is read and rewritten as JSON, string values only.
     */
    public record FreeText(boolean json, Optional<String> writtenBy, String blank) implements Column {
    }

    public static Builder table(String name) {
        return new Builder(name);
    }

    /** Declares a table's columns; {@link #build()} refuses a column declared twice. */
    public static final class Builder {
        private final String table;
        private final Map<String, Column> columns = new LinkedHashMap<>();

        private Builder(String table) {
            this.table = table;
        }

        public Builder notPersonal(String... names) {
            for (String name : names) {
                put(name, new NotPersonal());
            }
            return this;
        }

        public Builder person(String name, OnForget onForget, String... aliases) {
            return put(name, new PersonColumn(onForget, List.of(aliases)));
        }

        /** An alias column is declared by the person column naming it; this declares it as covered. */
        public Builder alias(String name) {
            return notPersonal(name);
        }

        /** Text several people read or wrote (titles, charters): only whole mentions of the person are replaced. */
        public Builder sharedText(String... names) {
            for (String name : names) {
                put(name, new FreeText(false, Optional.empty(), null));
            }
            return this;
        }

        public Builder sharedJson(String name) {
            return put(name, new FreeText(true, Optional.empty(), null));
        }

        /** Text the person in {@code author} wrote: blanked to {@code blank} when they are forgotten. */
        public Builder writtenBy(String name, String author, String blank) {
            return put(name, new FreeText(false, Optional.of(author), blank));
        }

        /** JSON about the person in {@code owner} (like a message to them): replaced by {@code blank} for them. */
        public Builder jsonOf(String name, String owner, String blank) {
            return put(name, new FreeText(true, Optional.of(owner), blank));
        }

        private Builder put(String name, Column column) {
            if (columns.putIfAbsent(name, column) != null) {
                throw new IllegalStateException(table + "." + name + " is declared twice");
            }
            return this;
        }

        public PersonalData build() {
            List<String> missing = new ArrayList<>();
            columns.forEach((name, column) -> {
                if (column instanceof FreeText text && text.writtenBy().isPresent()
                        && !(columns.get(text.writtenBy().get()) instanceof PersonColumn)) {
                    missing.add(name + " is written by " + text.writtenBy().get() + ", which is no person column");
                }
            });
            if (!missing.isEmpty()) {
                throw new IllegalStateException(table + ": " + String.join("; ", missing));
            }
            return new PersonalData(table, columns);
        }
    }
}
