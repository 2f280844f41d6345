package dev.guildhall.command;

import dev.guildhall.schedule.TaskHandler;

/** Where a capability hands over its commands, buttons and timed tasks. */
public interface Registry {
    void command(CommandSpec spec);

    /** Buttons whose action id is {@code name:argument}. */
    void action(String name, ActionHandler handler);

    /** Like {@link #action}, but the presser leaves no trace: the bot does not record that they were seen. */
    void anonymousAction(String name, ActionHandler handler);

    /** Timed work of one kind, run when due (see {@code DueTasks}). */
    void task(String kind, TaskHandler handler);

    /** A part of each person's home page, shown in the order capabilities register. */
    void home(HomeSection section);
}
