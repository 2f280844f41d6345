package dev.guildhall.core;

import java.util.Objects;

/**
 * A person as a platform knows them, qualified so that people from several platforms can share one store:
 * {@code slack:T123:U456}, {@code teams:<tenant>:<aad id>}, {@code console:alice}.
 */
public record PersonId(String value) {
    public PersonId {
        Objects.requireNonNull(value, "value");
        if (value.indexOf(':') <= 0) {
            throw new IllegalArgumentException("A person id names its platform first, like console:alice, not " + value);
        }
    }

    public static PersonId of(String platform, String... parts) {
        return new PersonId(platform + ":" + String.join(":", parts));
    }

    public String platform() {
        return value.substring(0, value.indexOf(':'));
    }

    /** What follows the platform, e.g. {@code T123:U456} for Slack or {@code alice} for the console. */
    public String localPart() {
        return value.substring(value.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
