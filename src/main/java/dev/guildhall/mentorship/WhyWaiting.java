package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;
import dev.guildhall.mentorship.FollowThroughStore.TeacherWithRoom;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why a learner waits although someone who teaches the topic has a free place: that teacher paused, said no to
 * this learner, was released from a pair with them, or taught them already. A learner is never left to wait on a teacher with room without hearing why.
 */
final class WhyWaiting {
    private final MentorshipFlow flow;
    private final FollowThroughStore store;

    WhyWaiting(MentorshipFlow flow) {
        this.flow = flow;
        this.store = new FollowThroughStore(flow.work.handle());
    }

    /** One reason per teacher with room who was not proposed; empty when nobody with room teaches the topic. */
    List<String> reasons(Ticket ticket) {
        List<String> reasons = new ArrayList<>();
        for (TeacherWithRoom teacher : store.teachersWithRoom(ticket.topic(), ticket.learner())) {
            String name = flow.people.nameOf(teacher.teacher());
            Set<MatchStatus> history = store.pairHistory(ticket.learner(), teacher.teacher(), ticket.topic());
            if (history.contains(MatchStatus.DECLINED)) {
                reasons.add(name + " can't take you on for it");
            } else if (history.contains(MatchStatus.RELEASED)) {
                // a released pair never taught anything: saying "taught you already" would be untrue
                reasons.add("your earlier " + ticket.topic() + " pair with " + name + " was released");
            } else if (!history.isEmpty() && !Matcher.mayProposeAgain(history)) {
                reasons.add(name + " taught you " + ticket.topic() + " already");
            } else if (teacher.paused()) {
                reasons.add(name + " has paused teaching" + (teacher.resumeAt() == null ? " for now"
                        : " until " + flow.messages.at(teacher.resumeAt(), ticket.learner())
                        + ", and you'll be proposed to them again when they're back"));
            }
        }
        return reasons;
    }

    /** Teachers with room who won't be proposed because they already taught this learner the topic. */
    List<PersonId> taughtBefore(Ticket ticket) {
        return store.teachersWithRoom(ticket.topic(), ticket.learner()).stream()
                .map(TeacherWithRoom::teacher)
                .filter(teacher -> {
                    Set<MatchStatus> history = store.pairHistory(ticket.learner(), teacher, ticket.topic());
                    return !history.contains(MatchStatus.DECLINED) && !history.contains(MatchStatus.RELEASED)
                            && !history.isEmpty()
                            && !Matcher.mayProposeAgain(history);
                })
                .toList();
    }
}
