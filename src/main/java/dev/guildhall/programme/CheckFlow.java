package dev.guildhall.programme;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.mentorship.api.MentorRequests;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.people.People;
import dev.guildhall.programme.ProgrammeStore.Gap;
import dev.guildhall.programme.ProgrammeStore.Question;
import dev.guildhall.programme.ProgrammeStore.Round;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A knowledge check from the person's side, inside one transaction: the check goes out by DM, one step at a time
 * (questions, then self-ratings), the result is theirs alone, and each miss becomes a gap they can close by
 * re-checks (spaced: a few days, then a week, until right twice) or with a mentor.
 */
final class CheckFlow {
    static final String ANSWER = "check.answer";
    static final String RATE = "check.rate";
    static final String AGAIN = "check.again";
    static final String MENTOR = "check.mentor";
    static final String ASK = "check.ask";
    static final String RECHECK_TASK = "check.recheck";
    static final Duration FIRST_RECHECK = Duration.ofDays(3);
    static final Duration SECOND_RECHECK = Duration.ofDays(7);
    static final int RIGHT_TO_CLOSE = 2;
    static final String[] RATINGS = {"Not yet", "Mostly", "I could explain this to someone"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    final UnitOfWork work;
    final ProgrammeStore store;
    final People people;
    final Outbox outbox;
    final Syllabus syllabus;
    final MentorRequests mentors;
    final DueTasks tasks;

    CheckFlow(UnitOfWork work, Syllabus syllabus, MentorRequests mentors) {
        this.work = work;
        this.store = new ProgrammeStore(work.handle());
        this.people = new People(work.handle());
        this.outbox = new Outbox(work);
        this.tasks = new DueTasks(work);
        this.syllabus = syllabus;
        this.mentors = mentors;
    }

    Instant now() {
        return work.now();
    }

    Syllabus.Module module(long id) {
        return syllabus.module(work, id).orElseThrow(() -> new UsageException("That module no longer exists."));
    }

    /** Sends the module's check to every participant who has not had it yet; returns how many got it. */
    int send(Syllabus.Module module) {
        List<Long> questions = store.questions(module.id()).stream().map(Question::id).toList();
        if (questions.isEmpty()) {
            return 0;
        }
        List<Long> objectives = store.objectives(module.id()).stream().map(ProgrammeStore.Objective::id).toList();
        Question first = store.question(questions.get(0)).orElseThrow();
        int sent = 0;
        for (PersonId person : store.participantsWithoutFirstTry(module.id())) {
            Round round = store.insertRound(module.id(), person, true, questions, objectives, now());
            outbox.sendDirect(person, questionStep(round, module, first).withContext("🔒 Only you see your answers."
                    + " The module's owners only ever see how many people missed each question."));
            sent++;
        }
        return sent;
    }

    /** The message for the round's current step: a question with its options, or an objective to rate. */
    Message step(Round round, Syllabus.Module module) {
        int step = round.position();
        List<Long> questions = round.questions();
        if (step < questions.size()) {
            return questionStep(round, module, store.question(questions.get(step)).orElseThrow());
        }
        String heading = heading(round, module);
        long objectiveId = round.objectives().get(step - questions.size());
        String objective = store.objective(objectiveId).orElseThrow().text();
        Message message = Message.text(heading + " — how sure are you?\n" + objective);
        for (int rating = RATINGS.length - 1; rating >= 0; rating--) {
            message = message.withButton(Button.of(RATE + ":" + round.id() + "-" + step + "-" + rating,
                    RATINGS[rating]));
        }
        return message.withContext("Only you see your rating; the owners see how many chose each.");
    }

    /** The message for a round's current step when it is this question. */
    private static Message questionStep(Round round, Syllabus.Module module, Question question) {
        int step = round.position();
        List<String> options = options(round, question);
        StringBuilder text = new StringBuilder(heading(round, module) + ", question " + (step + 1) + " of "
                + round.questions().size() + "\n" + question.text());
        Message message = Message.text("");
        for (int i = 0; i < options.size(); i++) {
            text.append("\n").append(letter(i)).append(") ").append(options.get(i));
            message = message.withButton(Button.of(ANSWER + ":" + round.id() + "-" + step + "-" + letter(i),
                    letter(i)));
        }
        return new Message(text.toString(), List.of(), null, message.buttons());
    }

    private static String heading(Round round, Syllabus.Module module) {
        return round.firstTry() ? "📝 *" + module.name() + "* — knowledge check"
                : "🔁 *" + module.name() + "* — re-check";
    }

    /** The options of a question in this round's order: the same after a restart, different for each person. */
    static List<String> options(Round round, Question question) {
        List<String> options = new ArrayList<>();
        options.add(question.rightAnswer());
        options.addAll(question.wrong());
        Collections.shuffle(options, new Random(round.id() * 1_000_003L + question.id()));
        return options;
    }

    static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** A press of A, B, C…: records the answer and shows the next step (or the result). */
    Reply answer(PersonId presser, long roundId, int step, String letter) {
        Round round = own(presser, roundId, step);
        if (step >= round.questions().size()) {
            throw stale();
        }
        Question question = store.question(round.questions().get(step)).orElseThrow();
        List<String> options = options(round, question);
        int index = letter.length() == 1 ? letter.charAt(0) - 'A' : -1;
        if (index < 0 || index >= options.size()) {
            throw stale();
        }
        boolean correct = options.get(index).equals(question.rightAnswer());
        store.insertAnswer(roundId, question.id(), correct, now());
        return next(round, step);
    }

    /** A press of a self-rating button. */
    Reply rate(PersonId presser, long roundId, int step, int rating) {
        Round round = own(presser, roundId, step);
        int objective = step - round.questions().size();
        if (objective < 0 || objective >= round.objectives().size() || rating < 0 || rating >= RATINGS.length) {
            throw stale();
        }
        store.insertRating(roundId, round.objectives().get(objective), rating);
        return next(round, step);
    }

    private Reply next(Round round, int step) {
        boolean last = step + 1 >= round.steps();
        if (!store.advance(round.id(), step, now(), last)) {
            throw new UsageException("You've already answered that one; your first answer counts.");
        }
        Syllabus.Module module = module(round.moduleId());
        Round moved = store.round(round.id()).orElseThrow();
        return Reply.of(last ? finish(moved, module) : step(moved, module));
    }

    private Round own(PersonId presser, long roundId, int step) {
        Round round = store.round(roundId).orElseThrow(CheckFlow::stale);
        if (!round.person().equals(presser)) {
            throw new UsageException("That check was sent to someone else; yours comes in your own DMs.");
        }
        if (round.finished() || step < round.position()) {
            throw new UsageException("You've already answered that one; your first answer counts.");
        }
        if (step > round.position()) {
            throw stale();
        }
        return round;
    }

    static UsageException stale() {
        return new UsageException("That button is not one I recognise any more. /programme me shows where you are.");
    }

    private Message finish(Round round, Syllabus.Module module) {
        return round.firstTry() ? firstResult(round, module) : recheckResult(round, module);
    }

    private Message firstResult(Round round, Syllabus.Module module) {
        List<Long> missed = store.missed(round.id());
        int total = round.questions().size();
        missed.forEach(q -> store.openGap(round.person(), module.id(), q, round.id(), now()));
        if (missed.isEmpty()) {
            return Message.text("✅ *" + module.name() + "* — you got all " + total + " right. Well done!")
                    .withContext("Only you see this. /programme me shows your map.");
        }
        Message message = Message.text("📝 *" + module.name() + "* — you got " + (total - missed.size()) + " of "
                + total + " right. Here is what you missed:");
        for (long questionId : missed) {
            Question question = store.question(questionId).orElseThrow();
            message = message.withField(question.text(), "Right answer: " + question.rightAnswer()
                    + (question.explain() == null ? "" : "\n" + question.explain()));
        }
        return message
                .withContext("🔒 Only you see this. *Find me a mentor for this*: only the teacher who accepts will see"
                        + " the questions you missed. *Ask anonymously*: the owners never learn who asked.")
                .withButton(Button.primary(AGAIN + ":" + round.id(), "Go through it again"))
                .withButton(Button.of(MENTOR + ":" + round.id(), "Find me a mentor for this"))
                .withButton(Button.of(ASK + ":" + module.id(), "Ask anonymously"));
    }

    private Message recheckResult(Round round, Syllabus.Module module) {
        List<Long> right = store.answeredRight(round.id());
        List<Gap> open = new ArrayList<>();
        int closed = 0;
        for (Gap gap : store.gapsOf(round.person(), module.id())) {
            if (!gap.open() || !round.questions().contains(gap.questionId())) {
                continue;
            }
            boolean ok = right.contains(gap.questionId());
            int count = ok ? gap.rightCount() + 1 : 0;
            boolean done = count >= RIGHT_TO_CLOSE;
            store.rightOnRecheck(gap.id(), count, done ? now() : null);
            if (done) {
                closed++;
            } else {
                open.add(gap);
            }
        }
        int total = round.questions().size();
        StringBuilder text = new StringBuilder("🔁 *" + module.name() + "* re-check — " + right.size() + " of " + total
                + " right.");
        if (closed > 0) {
            text.append(" ").append(closed == 1 ? "One gap is" : closed + " gaps are").append(" closed for good ✓");
        }
        if (open.isEmpty()) {
            return Message.text(text.toString()).withContext("Only you see this. /programme me shows your map.");
        }
        boolean allRight = right.size() == total;
        Instant due = now().plus(allRight ? SECOND_RECHECK : FIRST_RECHECK);
        open.forEach(gap -> store.planRecheck(gap.id(), due));
        tasks.schedule(RECHECK_TASK, round.id(), due);
        text.append(allRight ? " Right again once more and it's closed: I'll ask once more on "
                : " No worries — I'll ask again on ").append(day(due, round.person())).append(".");
        for (long questionId : round.questions()) {
            if (!right.contains(questionId)) {
                Question question = store.question(questionId).orElseThrow();
                text.append("\n• ").append(question.text()).append(" — right answer: ").append(question.rightAnswer());
            }
        }
        return Message.text(text.toString()).withContext("Only you see this.");
    }

    /** "Go through it again": the round's open gaps are re-asked in a few days. */
    Reply again(PersonId presser, long roundId) {
        Round round = finishedOwn(presser, roundId);
        List<Gap> gaps = openGapsOf(round);
        if (gaps.stream().anyMatch(g -> "RECHECK".equals(g.action()))) {
            Instant due = gaps.stream().filter(g -> g.recheckDue() != null).map(Gap::recheckDue).min(Instant::compareTo)
                    .orElse(now());
            throw new UsageException("Already planned: I'll ask you again on " + day(due, presser) + ".");
        }
        Instant due = now().plus(FIRST_RECHECK);
        gaps.forEach(gap -> store.planRecheck(gap.id(), due));
        tasks.schedule(RECHECK_TASK, round.id(), due);
        return Reply.of("🔁 I'll ask you " + (gaps.size() == 1 ? "that question" : "those " + gaps.size()
                + " questions") + " again on " + day(due, presser) + ", then a week later, until you've got "
                + (gaps.size() == 1 ? "it" : "each") + " right twice. Only you see this.");
    }

    /** A re-check falls due: the person's gaps planned for now are asked in a new round. */
    void recheck(long previousRoundId) {
        Round previous = store.round(previousRoundId).orElse(null);
        if (previous == null) {
            return;
        }
        Syllabus.Module module = syllabus.module(work, previous.moduleId()).orElse(null);
        if (module == null) {
            return;
        }
        List<Long> due = store.gapsOf(previous.person(), module.id()).stream()
                .filter(g -> g.open() && "RECHECK".equals(g.action()) && g.recheckDue() != null
                        && !g.recheckDue().isAfter(now()))
                .map(Gap::questionId)
                .filter(q -> store.question(q).isPresent())
                .toList();
        if (due.isEmpty()) {
            return;
        }
        Round round = store.insertRound(module.id(), previous.person(), false, due, List.of(), now());
        outbox.sendDirect(previous.person(), step(round, module));
    }

    /** "Find me a mentor for this": a /learn ticket whose goal names the missed questions, owners asked first. */
    Reply mentor(PersonId presser, long roundId) {
        Round round = finishedOwn(presser, roundId);
        List<Gap> gaps = openGapsOf(round).stream().filter(g -> g.ticketId() == null).toList();
        if (gaps.isEmpty()) {
            throw new UsageException("A mentor is already on it: /learn list shows your ticket.");
        }
        Syllabus.Module module = module(round.moduleId());
        String topic = store.topicOf(module.id()).orElse(module.topic());
        String goal = "Close my gaps from the *" + module.name() + "* check: " + gaps.stream()
                .map(g -> store.question(g.questionId()).orElseThrow().text()).collect(Collectors.joining(" · "));
        MentorRequests.Opened opened = mentors.openWithPrivateGoal(work, presser, topic, goal,
                new HashSet<>(module.owners()));
        gaps.forEach(gap -> store.mentor(gap.id(), opened.ticketId()));
        return Reply.of("🤝 I've opened /learn ticket #" + opened.ticketId() + " on *" + topic + "*"
                + (opened.proposed() ? " and asked a teacher — the details are in your DMs."
                : "; no teacher has room yet, and you'll hear as soon as one does.")
                + " Only the teacher who accepts will see the questions you missed.");
    }

    private Round finishedOwn(PersonId presser, long roundId) {
        Round round = store.round(roundId).orElseThrow(CheckFlow::stale);
        if (!round.person().equals(presser)) {
            throw new UsageException("That result belongs to someone else; yours comes in your own DMs.");
        }
        if (!round.finished()) {
            throw stale();
        }
        return round;
    }

    private List<Gap> openGapsOf(Round round) {
        List<Gap> gaps = store.gapsOf(round.person(), round.moduleId()).stream().filter(Gap::open).toList();
        if (gaps.isEmpty()) {
            throw new UsageException("You have no open gap in this module any more. 🎉");
        }
        return gaps;
    }

    /** An anonymous question to the module's owners: nothing about the asker is kept or sent. */
    Reply ask(long moduleId, String text) {
        Syllabus.Module module = module(moduleId);
        String question = text.strip();
        if (question.isEmpty()) {
            return Reply.of(Message.text("What would you like to ask the owners of *" + module.name() + "*? Type it"
                            + " in the box, or type /ask \"" + module.name() + "\" <your question>. Nobody, not even"
                            + " the owners, learns who asked.")
                    .withButton(Button.sendingText(ASK + ":" + module.id(), "Ask anonymously", "Your question")));
        }
        if (question.length() > AskCommand.MAX_LENGTH) {
            throw new UsageException("Please keep your question under " + AskCommand.MAX_LENGTH
                    + " characters (that was " + question.length() + "). Nothing was sent.");
        }
        if (question.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new UsageException("Your question contains control characters. Type it as plain text.");
        }
        if (module.owners().isEmpty()) {
            throw new UsageException("*" + module.name() + "* has no owner to answer yet. Nothing was sent.");
        }
        // The day only: the Ask button sits on the asker's own result, whose finish is stored to the second, so a minute
        // here would match one person's check and name them.
        store.insertAnonymousQuestion(module.id(), question, now().truncatedTo(ChronoUnit.DAYS));
        Message forOwners = Message.text("❓ An anonymous question about *" + module.name() + "*:\n" + question)
                .withContext("Nobody, not even Guildhall, keeps who asked. Answering it for everyone (at the next"
                        + " session, or in the guild's channel) helps whoever else wondered.");
        module.owners().forEach(owner -> outbox.sendDirect(owner, forOwners));
        return Reply.of("❓ Sent to the owners of *" + module.name() + "* without your name.");
    }

    String day(Instant instant, PersonId person) {
        ZoneId zone = people.zoneOf(person).orElse(ZoneId.of("UTC"));
        return DAY.format(instant.atZone(zone));
    }
}
