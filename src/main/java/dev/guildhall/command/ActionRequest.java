package dev.guildhall.command;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Person;
import dev.guildhall.store.UnitOfWork;

import java.util.Optional;

/**
 * A button press on its way to a handler; {@code argument} is what followed the action's name in its id,
 * {@code input} the text typed with it (empty for a plain button).
 */
public record ActionRequest(Person presser, Optional<ChannelId> channel, String argument, String input,
                            UnitOfWork work) {

    public ActionRequest(Person presser, Optional<ChannelId> channel, String argument, UnitOfWork work) {
        this(presser, channel, argument, "", work);
    }

    /** Most buttons carry the id of a row; a tampered or stale id gets a clear answer, not a stack trace. */
    public long idArgument() {
        try {
            return Long.parseLong(argument);
        } catch (NumberFormatException e) {
            throw new UsageException("That button is not one I recognise any more. Try the command again.");
        }
    }
}
