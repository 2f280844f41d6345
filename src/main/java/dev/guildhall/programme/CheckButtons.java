package dev.guildhall.programme;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.command.Registry;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.mentorship.api.MentorRequests;

/**
 * The check's buttons: A, B, C… ({@code check.answer:<round>-<step>-<letter>}), the self-ratings, and the result's
 * three. Each carries its round, so it works after a restart and only for the person the round is for. "Ask
 * anonymously" carries only the module and is registered as anonymous: its presser is never recorded.
 */
final class CheckButtons {
    private final Syllabus syllabus;
    private final MentorRequests mentors;

    CheckButtons(Syllabus syllabus, MentorRequests mentors) {
        this.syllabus = syllabus;
        this.mentors = mentors;
    }

    void register(Registry registry) {
        registry.action(CheckFlow.ANSWER, request -> {
            String[] step = parts(request);
            return flow(request).answer(request.presser().id(), number(step[0]), (int) number(step[1]), step[2]);
        });
        registry.action(CheckFlow.RATE, request -> {
            String[] step = parts(request);
            return flow(request).rate(request.presser().id(), number(step[0]), (int) number(step[1]),
                    (int) number(step[2]));
        });
        registry.action(CheckFlow.AGAIN, request -> flow(request).again(request.presser().id(), request.idArgument()));
        registry.action(CheckFlow.MENTOR, request -> flow(request).mentor(request.presser().id(), request.idArgument()));
        registry.anonymousAction(CheckFlow.ASK, this::ask);
    }

    private Reply ask(ActionRequest request) {
        try {
            return flow(request).ask(request.idArgument(), request.input());
        } catch (UsageException refused) {
            throw refused.handingBack(request.input());
        }
    }

    private CheckFlow flow(ActionRequest request) {
        return new CheckFlow(request.work(), syllabus, mentors);
    }

    private static String[] parts(ActionRequest request) {
        String[] parts = request.argument().split("-", 3);
        if (parts.length != 3) {
            throw CheckFlow.stale();
        }
        return parts;
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw CheckFlow.stale();
        }
    }
}
