package dev.guildhall.mentorship;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A place to talk: a new pair is introduced in a conversation of their own (a group DM where the platform lets a bot
 * start one; elsewhere each gets the introduction with a way to reach the other), with what the learner wants out of
 * it and a first meeting proposed in both people's working hours. A pair on two platforms is each told the other's
 * name and platform.
 */
final class PairIntroduction {
    /** A first meeting is proposed no sooner than this, so neither is asked to drop everything. */
    private static final Duration NOT_BEFORE = Duration.ofDays(1);
    private static final Map<String, String> PLATFORMS = Map.of("slack", "Slack", "teams", "Microsoft Teams",
            "console", "the console");

    private final MentorshipFlow flow;

    PairIntroduction(MentorshipFlow flow) {
        this.flow = flow;
    }

    void introduce(Match match, Ticket ticket, Instant askWhetherMetAt) {
        PersonId learner = match.learner();
        PersonId teacher = match.teacher();
        String meeting = firstMeeting(learner, teacher);
        String context = "In " + Duration.between(flow.now(), askWhetherMetAt).toDays() + " days I'll ask whether"
                + " you've met. When you're done, /learn done " + ticket.id() + " closes the ticket.";
        if (learner.platform().equals(teacher.platform())) {
            String learnerName = flow.people.nameOf(learner);
            String teacherName = flow.people.nameOf(teacher);
            Message message = withGoal(Message.text("👋 " + learnerName + ", meet " + teacherName + ", your *"
                    + ticket.topic() + "* teacher. " + teacherName + ", meet " + learnerName + ", who wants to learn"
                    + " it."), ticket, learnerName)
                    .withField("A first meeting?", meeting + " — say here whether that works, or pick another time.")
                    .withContext("This chat is yours. " + context);
            flow.outbox.openGroupChat(List.of(learner, teacher), message);
            return;
        }
        for (PersonId person : List.of(learner, teacher)) {
            PersonId other = person.equals(learner) ? teacher : learner;
            String otherName = flow.people.nameOf(other);
            Message message = withGoal(Message.text("👋 Your *" + ticket.topic() + "* pair: " + otherName + ", on "
                    + platformName(other) + ". I can't open a chat across platforms, so reach out to "
                    + otherName + " there."), ticket, flow.people.nameOf(learner))
                    .withField("A first meeting?", meeting + ".")
                    .withContext(context);
            flow.outbox.sendDirect(person, message);
        }
    }

    private static Message withGoal(Message message, Ticket ticket, String learnerName) {
        return ticket.goal() == null ? message : message.withField(learnerName + " wants to", ticket.goal());
    }

    /** 45 minutes at the first hour inside both working days, in each one's own time. */
    private String firstMeeting(PersonId learner, PersonId teacher) {
        ZoneId learnerZone = flow.people.zoneOf(learner).orElse(ZoneOffset.UTC);
        ZoneId teacherZone = flow.people.zoneOf(teacher).orElse(ZoneOffset.UTC);
        Instant notBefore = flow.now().plus(NOT_BEFORE);
        Instant at = WorkingHours.firstSharedHour(learnerZone, teacherZone, notBefore)
                .orElseGet(() -> WorkingHours.nextWorkingMorning(teacherZone, notBefore));
        String forLearner = flow.messages.at(at, learner);
        String forTeacher = flow.messages.at(at, teacher);
        return "How about 45 minutes on " + forLearner + (forLearner.equals(forTeacher) ? ""
                : " for " + flow.people.nameOf(learner) + " (" + forTeacher + " for " + flow.people.nameOf(teacher)
                + ")");
    }

    static String platformName(PersonId person) {
        return PLATFORMS.getOrDefault(person.platform(), person.platform());
    }
}
