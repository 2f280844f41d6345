package dev.guildhall.command;

import java.util.Objects;

/** A slash command: its name (without the slash), one line about it, its full usage text, and its handler. */
public record CommandSpec(String name, String summary, String usage, CommandHandler handler) {
    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(handler, "handler");
    }
}
