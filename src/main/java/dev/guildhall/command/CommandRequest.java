package dev.guildhall.command;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Person;
import dev.guildhall.store.UnitOfWork;

import java.util.Optional;

/** A command on its way to a handler: who, where, the words, and the transaction it runs in. */
public record CommandRequest(Person caller, Optional<ChannelId> channel, Args args, UnitOfWork work) {
}
