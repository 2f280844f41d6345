package dev.guildhall.command;

/** One area of the bot (mentorship, guilds, live sessions…), registering what it handles. */
@FunctionalInterface
public interface Capability {
    void register(Registry registry);
}
