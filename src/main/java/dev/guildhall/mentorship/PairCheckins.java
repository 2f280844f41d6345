package dev.guildhall.mentorship;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Once a pair met, each of them is asked every week, on a weekday morning in their own time zone, how it is going
 * and whether anything blocks. An answer goes to the other one of the pair and nowhere else (it is not stored). The
 * teacher can pause the check-ins and resume them.
 */
final class PairCheckins {
    static final String LEARNER_TASK = "mentorship.checkin.learner";
    static final String TEACHER_TASK = "mentorship.checkin.teacher";
    static final String GOING_WELL = "mentorship.checkin-ok";
    static final String BLOCKED = "mentorship.checkin-blocked";
    static final String NOTE = "mentorship.checkin-note";
    static final String PAUSE = "mentorship.checkin-pause";
    static final String RESUME = "mentorship.checkin-resume";
    static final Duration EVERY = Duration.ofDays(7);

    private final PairFollowUp followUp;
    private final MentorshipFlow flow;

    PairCheckins(PairFollowUp followUp) {
        this.followUp = followUp;
        this.flow = followUp.flow;
    }

    void start(Match match) {
        scheduleNext(match.learner(), LEARNER_TASK, match.id());
        scheduleNext(match.teacher(), TEACHER_TASK, match.id());
    }

    private Instant scheduleNext(PersonId person, String task, long matchId) {
        Instant at = WorkingHours.nextWorkingMorning(flow.people.zoneOf(person).orElse(ZoneOffset.UTC),
                flow.now().plus(EVERY));
        flow.tasks.schedule(task, matchId, at);
        return at;
    }

    void ask(long matchId, boolean teacherSide) {
        followUp.running(matchId, null).filter(r -> !r.pair().checkinsPaused()).ifPresent(r -> {
            Match match = r.match();
            PersonId person = teacherSide ? match.teacher() : match.learner();
            String partner = flow.people.nameOf(teacherSide ? match.learner() : match.teacher());
            Message question = Message.text("☕ Weekly check-in: how is *" + match.topic() + "* with " + partner
                            + " going? Anything blocking?")
                    .withButton(Button.primary(GOING_WELL + ":" + matchId, "👍 Going well"))
                    .withButton(Button.of(BLOCKED + ":" + matchId, "🧱 Something's blocking"))
                    .withButton(Button.sendingText(NOTE + ":" + matchId, "Send to " + partner, "A line for " + partner))
                    .withContext("Only " + partner + " sees your answer.");
            if (teacherSide) {
                question = question.withButton(Button.of(PAUSE + ":" + matchId, "⏸ Pause check-ins"));
            }
            flow.outbox.sendDirect(person, question);
            scheduleNext(person, teacherSide ? TEACHER_TASK : LEARNER_TASK, matchId);
        });
    }

    Reply note(PairFollowUp.Running r, String text) {
        String line = text.strip();
        if (line.isEmpty()) {
            throw new UsageException("Type a line in the box first, then press Send.");
        }
        Understanding.requireOneLine("A check-in note is", line);
        return answer(r, "“" + line + "”");
    }

    Reply answer(PairFollowUp.Running r, String answer) {
        String presser = flow.people.nameOf(r.presser());
        flow.outbox.sendDirect(r.partner(), Message.text("☕ " + presser + "'s check-in on *" + r.match().topic()
                + "*: " + answer));
        return Reply.of("Thanks — passed on to " + flow.people.nameOf(r.partner()) + ", and to nobody else.");
    }

    Reply pause(PairFollowUp.Running r) {
        requireTeacher(r, "pause");
        if (r.pair().checkinsPaused()) {
            throw new UsageException("The check-ins for this pair are paused already.");
        }
        long matchId = r.match().id();
        followUp.pairs.pauseCheckins(matchId, flow.now());
        flow.tasks.cancel(LEARNER_TASK, matchId);
        flow.tasks.cancel(TEACHER_TASK, matchId);
        flow.outbox.sendDirect(r.match().learner(), Message.text("⏸ " + flow.people.nameOf(r.match().teacher())
                + " paused the weekly check-ins for *" + r.match().topic() + "*. Your pair carries on as before."));
        return Reply.of(Message.text("⏸ The weekly check-ins with " + flow.people.nameOf(r.match().learner())
                        + " are paused.")
                .withButton(Button.of(RESUME + ":" + matchId, "▶️ Resume check-ins")));
    }

    Reply resume(PairFollowUp.Running r) {
        requireTeacher(r, "resume");
        if (!r.pair().checkinsPaused()) {
            throw new UsageException("The check-ins for this pair aren't paused.");
        }
        followUp.pairs.pauseCheckins(r.match().id(), null);
        scheduleNext(r.match().learner(), LEARNER_TASK, r.match().id());
        Instant next = scheduleNext(r.match().teacher(), TEACHER_TASK, r.match().id());
        return Reply.of("▶️ The weekly check-ins are back on: your next one is on " + flow.messages.at(next,
                r.presser()) + ".");
    }

    private void requireTeacher(PairFollowUp.Running r, String what) {
        if (!r.presserTeaches()) {
            throw new UsageException("Only " + flow.people.nameOf(r.match().teacher()) + ", who teaches, can " + what
                    + " the check-ins.");
        }
    }
}
