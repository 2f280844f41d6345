package dev.guildhall.command;

import dev.guildhall.core.Form;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Optional;

/**
 * A capability's form for one of its commands. It opens instead of a usage text when the command is typed with too
 * few words ({@link #opensFor}), is built for the person filling it in (the guilds they lead…), and what comes back
 * becomes the words of the very command the handler already takes: one code path, whether typed or filled in.
 */
public abstract class FormSpec {
    private final String id;
    private final String command;
    private final String subcommand;
    private final String refusalsGoTo;

    /**
     * {@code id} names the form when it comes back ({@code guild.meetup}); it stands for {@code /command subcommand}
     * ({@code subcommand} is {@code ""} for the command itself); a refusal by the command's handler is shown on the
     * field {@code refusalsGoTo}.
     */
    protected FormSpec(String id, String command, String subcommand, String refusalsGoTo) {
        this.id = id;
        this.command = command;
        this.subcommand = subcommand;
        this.refusalsGoTo = refusalsGoTo;
    }

    public final String id() {
        return id;
    }

    /** The command it stands for, without the slash: {@code guild}. */
    public final String command() {
        return command;
    }

    /** The subcommand it stands for, like {@code meetup}, or {@code ""} for the command itself. */
    public final String subcommand() {
        return subcommand;
    }

    /** The field a refusal of the command is shown on, when the handler's message names no field itself. */
    public final String refusalsGoTo() {
        return refusalsGoTo;
    }

    /** Whether the words typed after the (sub)command are too few, so the form should open instead. */
    public abstract boolean opensFor(Args typed);

    public abstract Form form(Person filler, UnitOfWork work);

    /**
     * The command's words after its (sub)command's name, built from the checked values (see {@link Args#quoted}).
     * Throw {@link FormRejected} for a problem the handler can't place on a field itself.
     */
    public abstract String commandText(FormValues values, Person filler, UnitOfWork work);

    /** For a form that shows what it will do before doing it: the preview of the checked values. */
    public Optional<Message> preview(FormValues values, Person filler, UnitOfWork work) {
        return Optional.empty();
    }

    /** Choices for a suggested select as the person types (read-only, and fast: Slack waits 3 s). */
    public List<Form.Choice> suggest(String field, String typed, UnitOfWork work) {
        return List.of();
    }

    /** How help and the console name it: {@code /guild meetup}. */
    public final String commandLine() {
        return "/" + command() + (subcommand().isEmpty() ? "" : " " + subcommand());
    }
}
