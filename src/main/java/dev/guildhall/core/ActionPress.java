package dev.guildhall.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A button pressed by a person; {@code actionId} is the one the core gave the button, {@code input} the text typed
 * with it (empty for a plain button; see {@link Message.Button#sendingText}).
 */
public record ActionPress(Person presser, Optional<ChannelId> channel, String actionId, String input) {
    public ActionPress {
        Objects.requireNonNull(presser, "presser");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actionId, "actionId");
        input = input == null ? "" : input.strip();
    }

    public ActionPress(Person presser, Optional<ChannelId> channel, String actionId) {
        this(presser, channel, actionId, "");
    }
}
