package dev.guildhall.store;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** One transaction and the moment it happens at: everything a command writes goes through it. */
public record UnitOfWork(Handle handle, Instant now) {
}
