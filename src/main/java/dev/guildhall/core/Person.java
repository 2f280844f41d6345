package dev.guildhall.core;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** Who someone is, as far as the bot knows: the time zone is empty until a platform tells it. */
public record Person(PersonId id, String displayName, Optional<ZoneId> timeZone) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
        if (displayName == null || displayName.isBlank()) {
            displayName = id.localPart();
        }
    }

    public static Person of(PersonId id, String displayName) {
        return new Person(id, displayName, Optional.empty());
    }
}
