package dev.guildhall.command;

import dev.guildhall.core.Reply;

/** Handles presses of one kind of button. */
@FunctionalInterface
public interface ActionHandler {
    Reply handle(ActionRequest request);
}
