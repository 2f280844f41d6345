package dev.guildhall.guild;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.core.Reply;

/** One {@code /guild} subcommand: its name, its own usage (shown by {@code /guild <name> help}), its handler. */
record Subcommand(String name, String usage, Handler handler) {

    @FunctionalInterface
    interface Handler {
        /** {@code args} are the words after the subcommand's name. */
        Reply handle(GuildFlow flow, CommandRequest request, Args args);
    }
}
