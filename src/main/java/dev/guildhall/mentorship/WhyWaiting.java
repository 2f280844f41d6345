package dev.guildhall.mentorship;

import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.mentorship.FollowThroughStore.TeacherWithRoom;
import dev.guildhall.people.People;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a learner waits although someone who teaches the topic has a free place: that teacher paused, said no to
 * this learner, was released from a pair with them, or taught them already. A learner is never left to wait on a teacher with room without hearing why.
 *
 * <p>Everything is read once, for all the learners of a topic at the same time (an expiry tells every waiting
 * learner why): three queries whatever their number or the teachers'.
 */
final class WhyWaiting {
    private final MentorshipFlow flow;
    private final List<TeacherWithRoom> teachers;
    private final Map<PersonId, Map<PersonId, Set<MatchStatus>>> histories;
    private final Map<PersonId, Person> known;

    /** What explains the wait of these learners for a topic. */
    WhyWaiting(MentorshipFlow flow, String topic, Collection<PersonId> learners) {
        FollowThroughStore store = new FollowThroughStore(flow.work.handle());
        this.flow = flow;
        this.teachers = store.teachersWithRoom(topic);
        if (teachers.isEmpty()) {
            this.histories = Map.of();
            this.known = Map.of();
        } else {
            this.histories = store.pairHistories(topic, learners);
            Set<PersonId> everyone = new HashSet<>(learners);
            teachers.forEach(teacher -> everyone.add(teacher.teacher()));
            this.known = flow.people.findAll(everyone);
        }
    }

    static WhyWaiting of(MentorshipFlow flow, Ticket ticket) {
        return new WhyWaiting(flow, ticket.topic(), List.of(ticket.learner()));
    }

    /** One reason per teacher with room who was not proposed; empty when nobody with room teaches the topic. */
    List<String> reasons(Ticket ticket) {
        List<String> reasons = new ArrayList<>();
        for (TeacherWithRoom teacher : teachersWithRoomFor(ticket)) {
            String name = People.nameOf(known, teacher.teacher());
            Set<MatchStatus> history = history(ticket, teacher.teacher());
            if (history.contains(MatchStatus.DECLINED)) {
                reasons.add(name + " can't take you on for it");
            } else if (history.contains(MatchStatus.RELEASED)) {
                // a released pair never taught anything: saying "taught you already" would be untrue
                reasons.add("your earlier " + ticket.topic() + " pair with " + name + " was released");
            } else if (!history.isEmpty() && !Matcher.mayProposeAgain(history)) {
                reasons.add(name + " taught you " + ticket.topic() + " already");
            } else if (teacher.paused()) {
                reasons.add(name + " has paused teaching" + (teacher.resumeAt() == null ? " for now"
                        : " until " + flow.messages.at(teacher.resumeAt(), People.zoneOf(known, ticket.learner()))
                        + ", and you'll be proposed to them again when they're back"));
            }
        }
        return reasons;
    }

    /** Teachers with room who won't be proposed because they already taught this learner the topic. */
    List<PersonId> taughtBefore(Ticket ticket) {
        return teachersWithRoomFor(ticket).stream()
                .map(TeacherWithRoom::teacher)
                .filter(teacher -> {
                    Set<MatchStatus> history = history(ticket, teacher);
                    return !history.contains(MatchStatus.DECLINED) && !history.contains(MatchStatus.RELEASED)
                            && !history.isEmpty()
                            && !Matcher.mayProposeAgain(history);
                })
                .toList();
    }

    private List<TeacherWithRoom> teachersWithRoomFor(Ticket ticket) {
        return teachers.stream().filter(teacher -> !teacher.teacher().equals(ticket.learner())).toList();
    }

    private Set<MatchStatus> history(Ticket ticket, PersonId teacher) {
        return histories.getOrDefault(ticket.learner(), Map.of()).getOrDefault(teacher, Set.of());
    }
}
