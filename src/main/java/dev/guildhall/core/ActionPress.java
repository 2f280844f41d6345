package dev.guildhall.core;

import java.util.Objects;
import java.util.Optional;

/** A button pressed by a person; {@code actionId} is the one the core gave the button. */
public record ActionPress(Person presser, Optional<ChannelId> channel, String actionId) {
    public ActionPress {
        Objects.requireNonNull(presser, "presser");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actionId, "actionId");
    }
}
