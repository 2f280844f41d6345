package dev.guildhall.command;

import java.util.Map;
import java.util.Optional;

/** A form's values after checking (see {@code Form.check}): present only when filled in. */
public record FormValues(Map<String, String> values) {
    public FormValues {
        values = Map.copyOf(values);
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(values.get(field)).filter(v -> !v.isBlank());
    }

    public String required(String field) {
        return get(field).orElseThrow(() -> new IllegalStateException("a required field came back empty: " + field));
    }

    /** The value as one word of a command: quoted (see {@link Args#quoted}). */
    public String quoted(String field) {
        return Args.quoted(required(field));
    }
}
