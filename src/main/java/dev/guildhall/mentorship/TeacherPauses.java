package dev.guildhall.mentorship;

import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A teacher who lets a proposal expire is paused rather than passed over for good: she is told, with a one-click
 * resume, and the pause lifts by itself after a cool-off. Either way, the learners waiting for her topics are
 * proposed again, her included, the moment she is back.
 */
final class TeacherPauses {
    static final String COOL_OFF_TASK = "mentorship.cool-off";
    static final String RESUME = "mentorship.resume";
    static final Duration COOL_OFF = Duration.ofDays(7);

    private final MentorshipFlow flow;
    private final FollowThroughStore store;

    TeacherPauses(MentorshipFlow flow, UnitOfWork work) {
        this.flow = flow;
        this.store = new FollowThroughStore(work.handle());
    }

    /** After an unanswered proposal: pauses the teacher until the cool-off ends; empty if she had paused already. */
    Optional<Instant> pauseAfterSilence(Match expired) {
        Instant until = flow.now().plus(COOL_OFF);
        if (store.pauseUntil(expired.teacher(), flow.now(), until) == 0) {
            return Optional.empty();
        }
        flow.tasks.schedule(COOL_OFF_TASK, expired.id(), until);
        return Optional.of(until);
    }

    Message pausedAfterSilence(Match expired, Instant until) {
        String learner = flow.people.nameOf(expired.learner());
        return Message.text("⏸ You didn't answer in time about teaching *" + expired.topic() + "* to " + learner
                        + ", so I've paused your teaching until " + flow.messages.at(until, expired.teacher())
                        + " — that way nobody waits on an answer that may not come.")
                .withField("When you're back", "Press *Resume teaching* (or type /teach resume): " + learner
                        + " and anyone else waiting for what you teach can be proposed to you again.")
                .withButton(Button.primary(RESUME + ":" + expired.id(), "Resume teaching"));
    }

    /** Takes the teacher back and proposes waiting learners to whoever has room; returns how many were proposed. */
    int resume(PersonId teacher) {
        List<Offer> offers = flow.store.activeOffersOf(teacher);
        if (store.resume(teacher) == 0) {
            return -1;
        }
        return offers.stream().mapToInt(offer -> flow.matchWaiting(offer.topic())).sum();
    }

    /** The cool-off ended: lifts the pause unless she paused herself since, and tells her. */
    void coolOffEnded(long expiredMatchId) {
        flow.store.match(expiredMatchId).ifPresent(match -> {
            Optional<Instant> resumesAt = store.resumesAt(match.teacher());
            if (resumesAt.isEmpty() || resumesAt.get().isAfter(flow.now())) {
                return;
            }
            int proposed = resume(match.teacher());
            flow.outbox.sendDirect(match.teacher(), Message.text("▶️ Your teaching is back on after the pause: you"
                    + " take new learners again." + TeachCommand.waitingNote(proposed))
                    .withContext("/teach pause stops new learners for as long as you need."));
        });
    }
}
