package dev.guildhall.command;

import dev.guildhall.schedule.TaskHandler;

import java.util.Collection;
import java.util.List;

/** Where a capability hands over its commands, buttons and timed tasks. */
public interface Registry {
    void command(CommandSpec spec);

    /** Buttons whose action id is {@code name:argument}. */
    void action(String name, ActionHandler handler);

    /** Like {@link #action}, but the presser leaves no trace: the bot does not record that they were seen. */
    void anonymousAction(String name, ActionHandler handler);

    /**
     * Recognises retries of this capability's anonymous requests without storing the platform's id or the reply
     * (see {@link AnonymousRetries}); anonymous requests no registered one claims are not deduplicated.
     */
    void anonymousRetries(AnonymousRetries retries);

    /** Timed work of one kind, run when due (see {@code DueTasks}). */
    void task(String kind, TaskHandler handler);

    /** A part of each person's home page, shown in the order capabilities register. */
    void home(HomeSection section);

    /**
     * Adds {@code /<command> <subcommand.name> …} to a command another capability owns (like {@code /guildhall
     * insights}). The owner dispatches to it with the words after the subcommand's name and lists it in its help.
     */
    void subcommand(String command, CommandSpec subcommand);

    /** The subcommands contributed to {@code command}, in registration order; read them when a command runs. */
    List<CommandSpec> subcommands(String command);

    /** A form that opens instead of a command's usage text and comes back as that command. */
    void form(FormSpec form);

    /** Every form registered, in registration order. */
    List<FormSpec> forms();

    /** Declares what a table holds about people and what forgetting one does with it (every table, every column). */
    void personalData(PersonalData table);

    /** Work to do when a person is forgotten, before their rows are rewritten. */
    void whenForgetting(ForgettingStep step);

    /** Every table declared; complete once all capabilities have registered. */
    List<PersonalData> personalData();

    /** Every forgetting step, in registration order. */
    List<ForgettingStep> forgettingSteps();

    /** Every command registered; complete once all capabilities have registered (read it when a command runs). */
    Collection<CommandSpec> commands();
}
