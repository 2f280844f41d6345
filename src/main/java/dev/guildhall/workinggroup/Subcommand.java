package dev.guildhall.workinggroup;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.core.Reply;

/** One {@code /wg} subcommand: its name, its usage (shown by {@code /wg <name> help}), its handler. */
record Subcommand(String name, String usage, Handler handler) {

    @FunctionalInterface
    interface Handler {
        /** {@code args} are the words after the subcommand's name. */
        Reply handle(WgFlow flow, CommandRequest request, Args args);
    }
}
