package dev.guildhall.workinggroup;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.people.People;
import dev.guildhall.store.UnitOfWork;
import dev.guildhall.time.Recurrence;
import dev.guildhall.time.Times;
import dev.guildhall.time.UnreadableTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Weekly async check-ins. Each week is a round: every member is asked on the weekday at the time in their own zone
 * (a task each, due on the bot's clock), and the answers go to the group's channel as one digest — as soon as all
 * have answered, or a day after the last was asked. Then the next week's round is planned.
 */
final class Checkins {
    static final String ASK = "wg.checkin.ask";
    static final String DIGEST = "wg.checkin.digest";
    static final String REMIND = "wg.checkin.remind";
    /** How long before a digest closes those who haven't answered are reminded. */
    static final Duration REMIND_BEFORE = Duration.ofHours(2);
    static final String CHECKIN = "/wg checkin <slug> \"<question>\" <when> — owner: a check-in, asked at each"
            + " member's local time (every friday 10:00, every weekday 9:30, every day 10:00, every monday and"
            + " thursday 9:30), answers posted to the group's channel as one digest (/wg checkin <slug> off stops it; members skip one with"
            + " /wg checkin <slug> skip, or a week with /wg checkin <slug> skip week)";
    /** Words that start a schedule after the question. */
    private static final Set<String> SCHEDULE_WORDS = Set.of("every", "daily", "weekdays",
            "weekly", "each", "monthly");
    static final String SKIP = "/wg checkin <slug> skip [week] — members: skip the next check-in, or the coming"
            + " week's (vacation)";
    static final String ANSWER = "/wg answer <slug> <text> — answer this week's check-in";
    static final Duration ANSWER_WINDOW = Duration.ofHours(24);
    /** How long before a member's next ask the round's digest goes out (and the shortest time a round is open). */
    private static final Duration BEFORE_NEXT_ASK = Duration.ofHours(1);
    /** The zone where a day's local time comes last. */
    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(-12);

    private Checkins() {
    }

    static List<Subcommand> subcommands() {
        return List.of(new Subcommand("checkin", CHECKIN, Checkins::checkin),
                new Subcommand("answer", ANSWER, Checkins::answer));
    }

    private static Reply checkin(WgFlow flow, CommandRequest request, Args args) {
        if (args.isEmpty()) {
            throw new UsageException("Type " + CHECKIN + ", like /wg checkin vpc \"What did you try this week?\" every"
                    + " friday 10:00.");
        }
        WorkingGroup group = flow.activeGroup(args.get(0));
        PersonId caller = request.caller().id();
        if (args.size() >= 2 && args.get(1).equalsIgnoreCase("skip")) {
            return skip(flow, group, caller, args);
        }
        flow.requireOwner(group, caller, "plan its check-in");
        if (args.size() == 2 && args.get(1).equalsIgnoreCase("off")) {
            if (active(flow, group).isEmpty()) {
                throw new UsageException(group.title() + " has no check-in to stop.");
            }
            stop(flow, group);
            return Reply.of("🗓 The check-in of " + group.title() + " has stopped.");
        }
        int every = everyIndex(args);
        String example = "like /wg checkin " + group.slug() + " \"What did you try this week?\" every friday 10:00.";
        if (every < 0 || every + 1 >= args.size()) {
            throw new UsageException("Say when, after the question: every <weekday> <time> (or every weekday"
                    + " 9:30, every day 10:00), " + example);
        }
        String question = every == 2 ? args.get(1).strip() : args.restFrom(1).substring(0,
                args.restFrom(1).length() - args.restFrom(every).length()).strip();
        if (question.isEmpty() || question.length() > 300) {
            throw new UsageException("The question needs 1 to 300 characters, " + example);
        }
        Recurrence rule;
        try {
            rule = Times.recurrence(args.restFrom(every));
        } catch (UnreadableTime e) {
            throw new UsageException(e.getMessage() + " For a check-in: " + example);
        }
        stop(flow, group);
        LocalDate first = firstDate(flow, rule, group.owner());
        long id = flow.checkins.insert(group.id(), question, rule, first.getDayOfWeek(), caller, flow.now());
        planRound(flow, new CheckinStore.Checkin(id, group.id(), question, first.getDayOfWeek(), rule.time(),
                rule.rrule()), first);
        return Reply.of(Message.text("🗓 " + group.title() + " checks in " + rule.describe()
                        + ", each member at that time in their own zone: \"" + question + "\"")
                .withContext("First round: " + first + ". Answers go to the group's channel as one digest."));
    }

    /** A member skips the next check-in put to them, or (on vacation) every one of the coming week. */
    private static Reply skip(WgFlow flow, WorkingGroup group, PersonId caller, Args args) {
        boolean week = args.size() == 3 && args.get(2).equalsIgnoreCase("week");
        if (args.size() > 3 || (args.size() == 3 && !week)) {
            throw new UsageException("Type " + SKIP + ", like /wg checkin " + group.slug() + " skip (the next one) or"
                    + " /wg checkin " + group.slug() + " skip week (a week's vacation).");
        }
        if (!WgStore.MEMBER.equals(flow.store.state(group.id(), caller).orElse(""))) {
            throw new UsageException("Only members of " + group.title() + " are asked its check-in, so there's nothing"
                    + " to skip. /wg join " + group.slug() + " to join.");
        }
        if (active(flow, group).isEmpty()) {
            throw new UsageException(group.title() + " has no check-in to skip.");
        }
        if (week) {
            Instant until = flow.now().plus(Duration.ofDays(7));
            flow.checkins.skipUntil(group.id(), caller, until);
            flow.checkins.excuse(group.id(), caller, until);
            return Reply.of("🗓 You'll skip the check-ins of " + group.title() + " until "
                    + until.atZone(flow.zoneOf(caller)).toLocalDate() + ". Enjoy the break!");
        }
        CheckinStore.Ask next = flow.checkins.nextUnanswered(group.id(), caller).orElseThrow(() -> new UsageException(
                "The next check-in of " + group.title() + " isn't planned yet; try again once this week's digest is"
                        + " out, or /wg checkin " + group.slug() + " skip week to skip the coming week."));
        flow.checkins.excuse(next.id());
        return Reply.of("🗓 You'll skip the check-in of " + group.title() + " on "
                + flow.checkins.round(next.roundId()).occursOn() + ". See you at the next one.");
    }

    private static int everyIndex(Args args) {
        for (int i = 2; i < args.size(); i++) {
            if (!args.isQuoted(i) && SCHEDULE_WORDS.contains(args.get(i).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** The first date of the rule whose time has not passed yet in the owner's zone. */
    private static LocalDate firstDate(WgFlow flow, Recurrence rule, PersonId owner) {
        LocalDateTime first = rule.firstOnOrAfter(flow.today(owner).atStartOfDay());
        while (!first.atZone(flow.zoneOf(owner)).toInstant().isAfter(flow.now())) {
            first = rule.nextAfter(first, first);
        }
        return first.toLocalDate();
    }

    private static void planRound(WgFlow flow, CheckinStore.Checkin checkin, LocalDate date) {
        List<CheckinStore.Asked> members = flow.checkins.membersToAsk(checkin.groupId());
        Instant latest = flow.now();
        long round = flow.checkins.insertRound(checkin.id(), date, flow.now());
        for (CheckinStore.Asked member : members) {
            ZoneId zone = People.zone(member.zone()).orElse(ZoneOffset.UTC);
            Instant due = date.atTime(checkin.atTime()).atZone(zone).toInstant();
            if (due.isBefore(flow.now())) {
                due = flow.now();
            }
            if (member.skips(due)) {
                continue;
            }
            latest = due.isAfter(latest) ? due : latest;
            long ask = flow.checkins.insertAsk(round, member.person(), due);
            flow.tasks.schedule(ASK, ask, due);
        }
        Instant digestDue = digestDue(checkin.schedule(), date, members, latest);
        flow.checkins.setDigestDue(round, digestDue);
        flow.tasks.schedule(DIGEST, round, digestDue);
        Instant remindAt = digestDue.minus(REMIND_BEFORE);
        if (remindAt.isAfter(latest)) {
            flow.tasks.schedule(REMIND, round, remindAt);
        }
    }

    /** Reminds whoever was asked and hasn't answered, while the round's digest is still to go out. */
    static void remind(long roundId, UnitOfWork work) {
        WgFlow flow = new WgFlow(work);
        CheckinStore.Round round = flow.checkins.round(roundId);
        if (round.posted() || round.stopped()) {
            return;
        }
        WorkingGroup group = flow.store.byId(round.groupId()).orElseThrow();
        if (group.status() != WorkingGroup.Status.ACTIVE) {
            return;
        }
        for (CheckinStore.Ask ask : flow.checkins.waiting(roundId)) {
            flow.outbox.sendDirect(ask.person(), Message.text("⏰ The check-in digest of " + group.title()
                            + " goes out in " + REMIND_BEFORE.toHours() + " hours and I don't have your answer yet: "
                            + ask.question())
                    .withContext("Answer with /wg answer " + group.slug() + " <your answer>.")
                    .withButton(Message.Button.of(WgButtons.NOTHING_NEW + ":" + ask.id(), "Nothing new this week")));
        }
    }

    /**
     * A day after the last ask, but never later than an hour before the next round's first ask (a daily check-in),
     * counted in each member's zone: the next round is planned only when this digest goes out, so a later digest
     * would ask the members furthest ahead late. At least an hour after the last ask, for zones more than a day apart.
     */
    private static Instant digestDue(Recurrence rule, LocalDate date, List<CheckinStore.Asked> members,
                                     Instant latest) {
        LocalDateTime at = date.atTime(rule.time());
        LocalDateTime next = rule.nextAfter(at, at);
        Instant due = latest.plus(ANSWER_WINDOW);
        for (CheckinStore.Asked member : members) {
            ZoneId zone = People.zone(member.zone()).orElse(ZoneOffset.UTC);
            Instant beforeTheirNext = next.atZone(zone).toInstant().minus(BEFORE_NEXT_ASK);
            due = beforeTheirNext.isBefore(due) ? beforeTheirNext : due;
        }
        Instant earliest = latest.plus(BEFORE_NEXT_ASK);
        return due.isBefore(earliest) ? earliest : due;
    }

    static Optional<CheckinStore.Checkin> active(WgFlow flow, WorkingGroup group) {
        return flow.checkins.active(group.id());
    }

    /** Stops the group's check-in; its planned asks and digests find it stopped and do nothing. */
    static void stop(WgFlow flow, WorkingGroup group) {
        flow.checkins.stop(group.id(), flow.now());
    }

    /** Pauses the group's check-in while it has no owner; true when there was one running. */
    static boolean pauseForOwner(WgFlow flow, WorkingGroup group) {
        return flow.checkins.pauseForOwner(group.id(), flow.now());
    }

    /** The check-in paused for want of an owner starts again, its next round planned from the new owner's week. */
    static Optional<CheckinStore.Checkin> resumePaused(WgFlow flow, WorkingGroup group) {
        Optional<CheckinStore.Checkin> paused = flow.checkins.takePaused(group.id());
        paused.ifPresent(old -> {
            LocalDate first = firstDate(flow, old.schedule(), group.owner());
            long id = flow.checkins.insert(group.id(), old.question(), old.schedule(), first.getDayOfWeek(),
                    group.owner(), flow.now());
            planRound(flow, new CheckinStore.Checkin(id, group.id(), old.question(), first.getDayOfWeek(),
                    old.atTime(), old.schedule().rrule()), first);
        });
        return paused;
    }

    /** A group split off another runs the same check-in, from its next weekday on. */
    static void inherit(WgFlow flow, WorkingGroup parent, WorkingGroup split) {
        active(flow, parent).ifPresent(old -> {
            LocalDate first = firstDate(flow, old.schedule(), split.owner());
            long id = flow.checkins.insert(split.id(), old.question(), old.schedule(), first.getDayOfWeek(),
                    split.owner(), flow.now());
            planRound(flow, new CheckinStore.Checkin(id, split.id(), old.question(), first.getDayOfWeek(),
                    old.atTime(), old.schedule().rrule()), first);
        });
    }

    static Optional<String> describe(WgFlow flow, WorkingGroup group) {
        return active(flow, group).map(c -> c.schedule().describe() + " (local): \"" + c.question() + "\"");
    }

    static void ask(long askId, UnitOfWork work) {
        WgFlow flow = new WgFlow(work);
        flow.checkins.ask(askId).filter(CheckinStore.Ask::live).filter(ask -> !ask.answered()).ifPresent(ask -> {
            WorkingGroup group = flow.store.byId(ask.groupId()).orElseThrow();
            if (group.status() != WorkingGroup.Status.ACTIVE
                    || !WgStore.MEMBER.equals(flow.store.state(group.id(), ask.person()).orElse(""))) {
                return;
            }
            flow.checkins.markAsked(askId, flow.now());
            flow.outbox.sendDirect(ask.person(), Message.text("🗓 Check-in for " + group.title() + ": "
                            + ask.question())
                    .withContext("Answer with /wg answer " + group.slug() + " <your answer> — it goes to the group's"
                            + " channel with everyone's, as one digest.")
                    .withButton(Message.Button.of(WgButtons.NOTHING_NEW + ":" + askId, "Nothing new this week")));
        });
    }

    private static Reply answer(WgFlow flow, CommandRequest request, Args args) {
        if (args.size() < 2) {
            throw new UsageException("Which group, and your answer? " + ANSWER + ", like /wg answer vpc Peering works"
                    + " in staging.");
        }
        WorkingGroup group = flow.activeGroup(args.get(0));
        PersonId caller = request.caller().id();
        String text = args.size() == 2 ? args.get(1).strip() : args.restFrom(1);
        Optional<Long> open = flow.checkins.openAsk(group.id(), caller);
        if (open.isPresent()) {
            return record(flow, open.get(), text);
        }
        // This week's digest has gone out: a late answer is not lost, it opens the next one.
        long next = flow.checkins.nextAsk(group.id(), caller)
                .orElseThrow(() -> new UsageException("There's no check-in of " + group.title() + " waiting for your"
                        + " answer. " + describe(flow, group).map(d -> "It checks in " + d + ".")
                        .orElse("It has no check-in; its owner can start one with /wg checkin.")));
        record(flow, next, text);
        CheckinStore.Round round = flow.checkins.round(flow.checkins.ask(next).orElseThrow().roundId());
        return Reply.of("🗓 Thanks! This week's digest has gone out already, so your answer goes into the next one ("
                + round.occursOn() + "). I won't ask you again for that one.");
    }

    static Reply nothingNew(WgFlow flow, PersonId presser, long askId) {
        CheckinStore.Ask ask = flow.checkins.ask(askId).filter(a -> a.person().equals(presser)).orElseThrow(() -> new UsageException(
                "That check-in isn't one I recognise any more."));
        if (!ask.live()) {
            throw new UsageException("That check-in's digest has gone out already.");
        }
        return record(flow, askId, "nothing new this week");
    }

    private static Reply record(WgFlow flow, long askId, String text) {
        if (text.isBlank() || text.length() > 1_000) {
            throw new UsageException("An answer has 1 to 1000 characters.");
        }
        CheckinStore.Ask ask = flow.checkins.ask(askId).orElseThrow();
        flow.checkins.answer(askId, text, flow.now());
        if (ask.asked() && flow.checkins.unanswered(ask.roundId()) == 0) {
            postDigest(flow, ask.roundId());
            return Reply.of("🗓 Thanks! Everyone has answered, so the digest is on its way to the group's channel.");
        }
        return Reply.of("🗓 Thanks — your answer goes into this week's digest" + (ask.answered()
                ? " (it replaces your earlier one)." : "."));
    }

    static void digest(long roundId, UnitOfWork work) {
        postDigest(new WgFlow(work), roundId);
    }

    private static void postDigest(WgFlow flow, long roundId) {
        CheckinStore.Round round = flow.checkins.round(roundId);
        if (round.posted() || round.stopped()) {
            return;
        }
        WorkingGroup group = flow.store.byId(round.groupId()).orElseThrow();
        if (group.status() != WorkingGroup.Status.ACTIVE) {
            return;
        }
        flow.checkins.markDigestPosted(roundId, flow.now());
        List<CheckinStore.Answer> answers = flow.checkins.answers(roundId);
        StringBuilder text = new StringBuilder("🗓 Check-in digest of " + group.title() + " (" + round.occursOn() + "): *"
                + round.question() + "*");
        answers.stream().filter(a -> a.answer() != null)
                .forEach(a -> text.append("\n• ").append(a.name()).append(": ").append(a.answer()));
        List<String> silent = answers.stream().filter(a -> a.answer() == null && a.asked()).map(CheckinStore.Answer::name).toList();
        Message digest = Message.text(text.toString());
        if (answers.stream().noneMatch(a -> a.answer() != null)) {
            digest = Message.text(text + "\nNobody answered this week.");
        }
        if (!silent.isEmpty()) {
            digest = digest.withContext("No answer from " + String.join(", ", silent) + ".");
        }
        Message finalDigest = digest;
        group.channel().ifPresent(channel -> flow.outbox.post(channel, finalDigest));
        // After a long stop of the bot, skip the rounds already gone (even in the zone furthest behind) rather than
        // catch up on each of them.
        Recurrence rule = round.checkin().schedule();
        LocalDateTime anchor = round.occursOn().atTime(rule.time());
        LocalDateTime next = rule.nextAfter(anchor, anchor);
        while (next.atZone(LATEST_ZONE).toInstant().isBefore(flow.now())) {
            next = rule.nextAfter(anchor, next);
        }
        planRound(flow, round.checkin(), next.toLocalDate());
    }
}
