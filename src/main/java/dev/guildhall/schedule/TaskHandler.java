package dev.guildhall.schedule;

import dev.guildhall.store.UnitOfWork;

/** Work that was due at a time: runs once, in its own transaction, with the id of what it is about. */
@FunctionalInterface
public interface TaskHandler {
    void run(long subject, UnitOfWork work);
}
