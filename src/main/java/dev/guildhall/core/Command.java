package dev.guildhall.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A slash command as a person typed it, already lifted out of its platform: {@code name} without the slash
 * ({@code learn}) and {@code text} everything after it, unparsed. {@code channel} is empty in a DM with the bot.
 */
public record Command(Person caller, Optional<ChannelId> channel, String name, String text) {
    public Command {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
        name = name.startsWith("/") ? name.substring(1) : name;
        text = text == null ? "" : text;
    }
}
