package dev.guildhall.mentorship;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.time.Duration;
import java.time.Instant;

/**
 * A first-time mentor's playbook, a step at a time over the first weeks: before the first meeting, an agenda; after
 * it (when the pair says they met, or a week in), how to check understanding; in week three, handing over to
 * self-study. Each step can skip the rest, and each has one button to ask an experienced mentor of the topic (one who
 * offered with {@code /teach <topic> --mentor-the-mentors} and has finished teaching it) for advice.
 */
final class MentorPlaybook {
    static final String TASK = "mentorship.playbook";
    static final String SKIP = "mentorship.playbook-skip";
    static final String ASK_ADVISER = "mentorship.ask-adviser";
    static final String OPT_IN = "mentor-the-mentors";
    static final int LAST_STEP = 3;
    private static final Duration SECOND_STEP_AFTER = Duration.ofDays(7);
    private static final Duration THIRD_STEP_AFTER = Duration.ofDays(14);

    private final PairFollowUp followUp;
    private final MentorshipFlow flow;

    MentorPlaybook(PairFollowUp followUp) {
        this.followUp = followUp;
        this.flow = followUp.flow;
    }

    void begin(Match match) {
        send(match, 1);
        flow.tasks.schedule(TASK, match.id(), flow.now().plus(SECOND_STEP_AFTER));
    }

    /** The pair met: how to check understanding comes now rather than a week in. */
    void afterFirstMeeting(PairFollowUp.Running r) {
        if (r.pair().playbookRunning() && r.pair().playbookStep() == 1) {
            flow.tasks.cancel(TASK, r.match().id());
            send(r.match(), 2);
            scheduleLastStep(r.pair());
        }
    }

    void due(long matchId) {
        followUp.running(matchId, null).filter(r -> r.pair().playbookRunning()).ifPresent(r -> {
            int next = r.pair().playbookStep() + 1;
            send(r.match(), next);
            if (next < LAST_STEP) {
                scheduleLastStep(r.pair());
            }
        });
    }

    private void scheduleLastStep(Pair pair) {
        Instant weekThree = pair.startedAt().plus(THIRD_STEP_AFTER);
        Instant soonest = flow.now().plus(Duration.ofDays(1));
        flow.tasks.schedule(TASK, pair.matchId(), weekThree.isAfter(soonest) ? weekThree : soonest);
    }

    private void send(Match match, int step) {
        followUp.pairs.playbookStep(match.id(), step);
        flow.outbox.sendDirect(match.teacher(), step(match, step));
    }

    private Message step(Match match, int step) {
        String learner = flow.people.nameOf(match.learner());
        Message message = switch (step) {
            case 1 -> Message.text("🧭 Your first time as a mentor — before your first meeting with " + learner)
                    .withField("An agenda", "Ask what " + learner + " wants to be able to do afterwards, and what they"
                            + " know already. Keep it to 45 minutes: 10 to hear where they are, 30 hands-on (they drive"
                            + " the keyboard, you explain why), 5 to agree on one small thing to try before next time.")
                    .withContext("Step 1 of 3 · next, after your first meeting: how to check understanding.");
            case 2 -> Message.text("🧭 After your first meeting: checking understanding")
                    .withField("Ask it back", "Ask " + learner + " to explain it back, or to do the next step alone."
                            + " Silence is not agreement: stop and wait until it is understood.")
                    .withField("If it didn't land", "Go through it again another way — a drawing, an example from"
                            + " their own work.")
                    .withContext("Step 2 of 3 · in week three: handing over to self-study.");
            default -> Message.text("🧭 Week three: handing over to self-study")
                    .withField("Hand over", "Point " + learner + " at what to read or build next, and let them try"
                            + " alone between meetings; you review.")
                    .withField("Finish well", "When they can do what they came for, /learn done " + match.ticketId()
                            + " closes it — and they may teach next.")
                    .withContext("Step 3 of 3 — that's the playbook. Thank you for mentoring!");
        };
        message = message.withButton(Button.primary(ASK_ADVISER + ":" + match.id(), "🙋 Ask an experienced mentor"));
        return step < LAST_STEP ? message.withButton(Button.of(SKIP + ":" + match.id(), "Skip the rest")) : message;
    }

    Reply skip(PairFollowUp.Running r) {
        requireTeacher(r);
        if (r.pair().playbookSkippedAt() != null || !r.pair().playbookRunning()) {
            throw new UsageException("There are no more playbook steps to skip.");
        }
        followUp.pairs.skipPlaybook(r.match().id(), flow.now());
        flow.tasks.cancel(TASK, r.match().id());
        return Reply.of("Skipped — no more playbook messages. The *Ask an experienced mentor* button still works on"
                + " the ones you have.");
    }

    Reply askAdviser(PairFollowUp.Running r) {
        requireTeacher(r);
        String topic = r.match().topic();
        PersonId adviser = followUp.pairs.nextAdviser(topic, r.presser()).orElseThrow(() -> new UsageException(
                "No experienced mentor of *" + topic + "* has offered advice yet (they offer with /teach " + topic
                        + " --" + OPT_IN + "), so nobody was asked. Your guild's channel is a good place to ask."));
        followUp.pairs.asked(adviser, topic, flow.now());
        String mentor = flow.people.nameOf(r.presser());
        flow.outbox.sendDirect(adviser, Message.text("🙋 " + mentor + " is mentoring *" + topic + "* for the first"
                        + " time and would welcome your advice. Could you send " + mentor + " a message?")
                .withContext("You offered this with /teach " + topic + " --" + OPT_IN + ". Thank you!"));
        return Reply.of("🙋 I've asked " + flow.people.nameOf(adviser) + ", who has taught *" + topic + "* before, to"
                + " get in touch with you.");
    }

    /** {@code /teach <topic> --mentor-the-mentors}: the teacher may be asked to advise first-time mentors. */
    static String optIn(MentorshipFlow flow, PersonId teacher, String topic) {
        flow.pairs.optInAsAdviser(teacher, topic, flow.now());
        return "🙋 First-time mentors of *" + topic + "* may ask you for advice now and then — thank you.";
    }

    private void requireTeacher(PairFollowUp.Running r) {
        if (!r.presserTeaches()) {
            throw new UsageException("This button is for " + flow.people.nameOf(r.match().teacher())
                    + ", who teaches this pair.");
        }
    }
}
