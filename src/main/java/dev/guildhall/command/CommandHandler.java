package dev.guildhall.command;

import dev.guildhall.core.Reply;

/** Handles one slash command. Throw {@link UsageException} for bad input: the transaction is rolled back. */
@FunctionalInterface
public interface CommandHandler {
    Reply handle(CommandRequest request);

    /** A handler that answers {@code help} itself (its help is built when asked, like /guildhall's list). */
    interface AnswersHelp extends CommandHandler {
    }
}
