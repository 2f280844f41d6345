package dev.guildhall.mentorship;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.mentorship.FollowThroughStore.Lineage;
import dev.guildhall.mentorship.FollowThroughStore.Thanks;

import java.util.List;
import java.util.stream.Collectors;

/** What a teacher sees of their own influence: how many they taught, how many of those now teach, their thanks. */
final class Lineages {
    private static final int THANKS_SHOWN = 3;

    private final MentorshipFlow flow;
    private final FollowThroughStore store;

    Lineages(MentorshipFlow flow) {
        this.flow = flow;
        this.store = new FollowThroughStore(flow.work.handle());
    }

    Message addTo(Message message, PersonId teacher) {
        Lineage lineage = store.lineage(teacher);
        if (lineage.taught() == 0) {
            return message.withContext("Nobody has finished with you yet — your first learner will show here.");
        }
        Message withLineage = message.withField("Your lineage", "You've taught " + lineage.taught()
                + (lineage.taught() == 1 ? " person" : " people") + "; " + lineage.nowTeach() + " of them now teach"
                + " what they learned from you.");
        List<Thanks> thanks = store.recentThanks(teacher, THANKS_SHOWN);
        if (thanks.isEmpty()) {
            return withLineage;
        }
        return withLineage.withField("Thanks (only you see these)", thanks.stream()
                .map(t -> "“" + t.text() + "” — " + flow.people.nameOf(t.learner()) + ", " + t.topic())
                .collect(Collectors.joining("\n")));
    }
}
