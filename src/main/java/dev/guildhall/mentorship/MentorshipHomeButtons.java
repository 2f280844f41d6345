package dev.guildhall.mentorship;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.Args;
import dev.guildhall.command.CommandHandler;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.Registry;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.Reply;

/**
 * The home page's Cancel (a ticket) and Pause / Resume (your teaching) buttons. A press runs the very command it
 * stands for ({@code /learn cancel <ticket>}, {@code /teach pause|resume}), so it checks and answers exactly as typed.
 */
final class MentorshipHomeButtons {
    static final String CANCEL = "mentorship.cancel";
    static final String PAUSE = "mentorship.teaching.pause";
    static final String RESUME = "mentorship.teaching.resume";

    private MentorshipHomeButtons() {
    }

    static Button cancel(Ticket ticket) {
        return Button.danger(CANCEL + ":" + ticket.id(), "Cancel #" + ticket.id());
    }

    static Button pauseOrResume(boolean paused) {
        return paused ? Button.primary(RESUME + ":0", "Resume teaching") : Button.of(PAUSE + ":0", "Pause teaching");
    }

    static void register(Registry registry, CommandHandler learn, CommandHandler teach) {
        registry.action(CANCEL, request -> run(learn, request, "cancel " + request.idArgument()));
        registry.action(PAUSE, request -> run(teach, request, "pause"));
        registry.action(RESUME, request -> run(teach, request, "resume"));
    }

    private static Reply run(CommandHandler command, ActionRequest request, String words) {
        return command.handle(new CommandRequest(request.presser(), request.channel(), Args.parse(words),
                request.work()));
    }
}
