package dev.guildhall.mentorship;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.mentorship.FollowThroughStore.Invitation;
import dev.guildhall.mentorship.api.TeachInvites;
import dev.guildhall.topic.Topics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * People who know a topic (a live session's presenter, the owners of a guild's module on it) asked whether they'd
 * teach it, with a one-click offer; learners waiting for the topic are told who was asked.
 */
final class TeachInvitations {
    static final String TEACH = "mentorship.invite-teach";

    private final MentorshipFlow flow;
    private final FollowThroughStore store;

    TeachInvitations(MentorshipFlow flow) {
        this.flow = flow;
        this.store = new FollowThroughStore(flow.work.handle());
    }

    static TeachInvites api(Topics topics, MentorshipSettings settings) {
        return (topic, knower, reason, work) -> new TeachInvitations(new MentorshipFlow(work, settings))
                .invite(topics.normalize(topic), knower, reason);
    }

    List<String> invite(String topic, PersonId knower, String reason) {
        Set<PersonId> asked = new LinkedHashSet<>();
        asked.add(knower);
        asked.addAll(store.moduleOwners(topic));
        List<String> names = new ArrayList<>();
        for (PersonId person : asked) {
            boolean teaches = flow.store.offer(person, topic).filter(Offer::isActive).isPresent();
            String why = person.equals(knower) ? reason : "owns the " + topic + " module";
            if (teaches) {
                continue;
            }
            store.invite(topic, person, why, flow.now()).ifPresent(id -> {
                flow.outbox.sendDirect(person, Message.text("🧭 People may soon ask to learn *" + topic + "*, and you"
                                + " know it. Would you teach it, one learner at a time?")
                        .withField("Why you", "You " + why.replaceFirst("^owns ", "own "))
                        .withContext("Up to " + flow.settings().defaultCapacity() + " learners at a time; /teach pause"
                                + " or /teach stop " + topic + " whenever you need.")
                        .withButton(Button.primary(TEACH + ":" + id, "I'll teach " + topic)));
                names.add(flow.people.nameOf(person));
            });
        }
        return names;
    }

    /** " I've asked alice (presented Kafka 101) whether they'd teach it." or "" when nobody was asked. */
    String whoWasAsked(String topic) {
        List<String> asked = store.openInvitations(topic).stream()
                .filter(i -> flow.store.offer(i.person(), topic).filter(Offer::isActive).isEmpty())
                .map(i -> flow.people.nameOf(i.person()) + " (" + i.reason() + ")")
                .toList();
        if (asked.isEmpty()) {
            return "";
        }
        return " I've asked " + String.join(" and ", asked) + " whether they'd teach it.";
    }

    static Reply accept(ActionRequest request, MentorshipSettings settings) {
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        FollowThroughStore store = new FollowThroughStore(request.work().handle());
        Invitation invitation = store.invitation(request.idArgument()).orElseThrow(() -> new UsageException(
                "That invitation no longer exists. /teach <topic> offers a topic all the same."));
        if (!invitation.person().equals(request.presser().id())) {
            throw new UsageException("This invitation is for " + flow.people.nameOf(invitation.person())
                    + ". /teach " + invitation.topic() + " offers the topic yourself.");
        }
        store.answerInvitation(invitation.id(), flow.now());
        if (!Offers.offer(flow, invitation.person(), invitation.topic(), settings.defaultCapacity(), null)) {
            return Reply.of("You already teach *" + invitation.topic() + "* — thank you!");
        }
        int proposed = flow.matchWaiting(invitation.topic());
        return new TeacherBoard(flow).withListingQuestion(invitation.person(), Reply.of("🙌 You now teach *"
                + invitation.topic() + "*, up to " + settings.defaultCapacity() + " learners at a time."
                + TeachCommand.waitingNote(proposed)));
    }
}
