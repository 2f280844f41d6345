package dev.guildhall.command;

import dev.guildhall.store.UnitOfWork;

/** One area of the bot (mentorship, guilds, live sessions…), registering what it handles. */
@FunctionalInterface
public interface Capability {
    void register(Registry registry);

    /**
     * Work that starts with the bot (recurring rounds), run once each time it starts, in one unit of work. It must
     * be idempotent: restarts and replicas sharing a database all run it.
     */
    default void onStart(UnitOfWork work) {
    }
}
