package dev.guildhall.mentorship;

import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.people.People;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What mentorship says to people. Text uses *bold* the way Slack does; adapters translate it. */
final class MentorshipMessages {
    static final String ACCEPT = "mentorship.accept";
    static final String DECLINE = "mentorship.decline";
    static final String TAKE = "mentorship.take";
    static final String GRADUATE = "mentorship.graduate";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final People people;

    MentorshipMessages(People people) {
        this.people = people;
    }

    String noTeacherYet(Ticket ticket) {
        return "No teacher for *" + ticket.topic() + "* has room yet — you'll hear from me as soon as one signs up"
                + " (ticket #" + ticket.id() + ").";
    }

    Message proposalToTeacher(Ticket ticket, long matchId, Matcher.Choice choice, Instant due) {
        PersonId teacher = choice.candidate().teacher();
        String learner = people.nameOf(ticket.learner());
        Message message = Message.text("📚 Can you teach *" + ticket.topic() + "* to " + learner + "?");
        if (ticket.goal() != null) {
            message = message.withField(learner + " wants to", ticket.goal());
        }
        return message.withField("Why you", reasons(ticket, choice, "You"))
                .withContext("Please answer by " + at(due, teacher) + " — after that I'll look for someone else and pause your teaching for a while.")
                .withButton(Button.primary(ACCEPT + ":" + matchId, "Accept"))
                .withButton(Button.danger(DECLINE + ":" + matchId, "Decline"));
    }

    Message proposalToLearner(Ticket ticket, String lead, Matcher.Choice choice) {
        String teacher = people.nameOf(choice.candidate().teacher());
        return Message.text(lead + "🤝 I've found you a teacher for *" + ticket.topic() + "*: " + teacher
                        + ". I've asked them to confirm — you'll hear from me as soon as they answer.")
                .withField("Why " + teacher, reasons(ticket, choice, teacher))
                .withContext("Ticket #" + ticket.id() + " · /learn cancel " + ticket.id() + " withdraws it");
    }

    private String reasons(Ticket ticket, Matcher.Choice choice, String who) {
        Candidate teacher = choice.candidate();
        List<String> why = new ArrayList<>();
        why.add(who + (who.equals("You") ? " offered" : " offers") + " to teach " + ticket.topic()
                + " and " + (who.equals("You") ? "have" : "has") + " room for " + teacher.room()
                + " more learner" + (teacher.room() == 1 ? "" : "s"));
        choice.overlap().ifPresent(overlap -> why.add(overlapText(overlap, ticket, teacher)));
        if (choice.eligible() > 1) {
            why.add("picked among " + choice.eligible() + " teachers with room: best shared working hours, then fewest"
                    + " current learners");
        }
        return String.join("; ", why) + ".";
    }

    private String overlapText(Duration overlap, Ticket ticket, Candidate teacher) {
        String zones = people.zoneOf(ticket.learner()).map(ZoneId::getId).orElse("?") + " and "
                + teacher.zone().map(ZoneId::getId).orElse("?");
        return overlap.isZero()
                ? "your working hours don't overlap (" + zones + "), so plan around it"
                : "your working hours overlap by " + overlap.toHours() + " h (" + zones + ")";
    }

    Message acceptedForTeacher(Ticket ticket) {
        String learner = people.nameOf(ticket.learner());
        return Message.text("✅ The match is on: you're teaching *" + ticket.topic() + "* to " + learner + ".")
                .withContext("Send " + learner + " a message to find a first time. When you're done, either of you"
                        + " types /learn done " + ticket.id() + ".");
    }

    Message acceptedForLearner(Ticket ticket, PersonId teacherId) {
        String teacher = people.nameOf(teacherId);
        return Message.text("✅ The match is on: " + teacher + " will teach you *" + ticket.topic() + "*.")
                .withContext("Send " + teacher + " a message to find a first time. When you're done, type /learn done "
                        + ticket.id() + ".");
    }

    /** The proposal message once it no longer waits for an answer, saying what became of the learner. */
    Message proposalDropped(Ticket ticket, MatchStatus why, boolean proposedElse) {
        String learner = people.nameOf(ticket.learner());
        String next = proposedElse ? "I've asked someone else." : "Nobody else has room, so " + learner
                + " waits for a teacher; /learn board shows who is waiting.";
        return Message.text(switch (why) {
            case DECLINED -> "You declined teaching *" + ticket.topic() + "* to " + learner + ". Thanks for saying so. ";
            case WITHDRAWN -> "You stopped teaching *" + ticket.topic() + "*, so I withdrew this proposal for "
                    + learner + ". ";
            default -> "⌛ This proposal to teach *" + ticket.topic() + "* to " + learner + " expired. ";
        } + next);
    }

    Message withdrawnForTeacher(Ticket ticket) {
        return Message.text(people.nameOf(ticket.learner()) + " cancelled their *" + ticket.topic()
                + "* ticket — nothing to do here.");
    }

    Message takenForLearner(Ticket ticket, PersonId teacherId) {
        String teacher = people.nameOf(teacherId);
        return Message.text("✅ " + teacher + " took your *" + ticket.topic() + "* ticket from the board and will teach you.")
                .withContext("Send " + teacher + " a message to find a first time. When you're done, type /learn done "
                        + ticket.id() + ".");
    }

    Message finishedForLearner(Ticket ticket, PersonId teacherId, boolean alreadyTeaches) {
        Message message = Message.text("🎓 Ticket #" + ticket.id() + " (*" + ticket.topic() + "*) is done — "
                + "thank " + people.nameOf(teacherId) + " for me!");
        if (alreadyTeaches) {
            return message.withContext("You already teach " + ticket.topic() + ": the next learner may be yours.");
        }
        return message.withField("Pay it forward", "Would you now teach " + ticket.topic() + " to the next person?"
                        + " That is how the guild grows.")
                .withButton(Button.primary(GRADUATE + ":" + ticket.id(), "I'll teach " + ticket.topic()));
    }

    Message finishedForTeacher(Ticket ticket) {
        return Message.text("🙏 Thank you for teaching *" + ticket.topic() + "* to " + people.nameOf(ticket.learner())
                + "! Ticket #" + ticket.id() + " is done, and your place is free for the next learner.");
    }

    Message cancelledForTeacher(Ticket ticket) {
        return Message.text(people.nameOf(ticket.learner()) + " closed their *" + ticket.topic() + "* ticket #"
                + ticket.id() + ". Thanks for your time — your place is free for the next learner.");
    }

    String at(Instant instant, PersonId person) {
        return at(instant, people.zoneOf(person));
    }

    /** Like {@link #at(Instant, PersonId)} with the person's zone already known (UTC when none). */
    String at(Instant instant, Optional<ZoneId> zone) {
        return WHEN.format(instant.atZone(zone.orElse(UTC)));
    }
}
