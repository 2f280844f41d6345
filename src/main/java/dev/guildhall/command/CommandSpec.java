package dev.guildhall.command;

import java.util.Objects;

/**
 * A slash command: its name (without the slash), one line about it, its full usage text, and its handler.
 * An {@code anonymous} command leaves no trace of its caller: the bot does not even record that they were seen.
 */
public record CommandSpec(String name, String summary, String usage, CommandHandler handler, boolean anonymous) {
    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(handler, "handler");
    }

    public CommandSpec(String name, String summary, String usage, CommandHandler handler) {
        this(name, summary, usage, handler, false);
    }
}
