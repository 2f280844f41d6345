package dev.guildhall.workinggroup;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.UnitOfWork;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weekly async check-ins. Each week is a round: every member is asked on the weekday at the time in their own zone
 * (a task each, due on the bot's clock), and the answers go to the group's channel as one digest — as soon as all
 * have answered, or a day after the last was asked. Then the next week's round is planned.
 */
final class Checkins {
    static final String ASK = "wg.checkin.ask";
    static final String DIGEST = "wg.checkin.digest";
    static final String CHECKIN = "/wg checkin <slug> \"<question>\" every <weekday> <time> — owner: a weekly"
            + " check-in, asked at each member's local time, answers posted to the group's channel as one digest"
            + " (/wg checkin <slug> off stops it)";
    static final String ANSWER = "/wg answer <slug> <text> — answer this week's check-in";
    static final Duration ANSWER_WINDOW = Duration.ofHours(24);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?");

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
        flow.requireOwner(group, caller, "plan its check-in");
        if (args.size() == 2 && args.get(1).equalsIgnoreCase("off")) {
            if (active(flow, group).isEmpty()) {
                throw new UsageException(group.title() + " has no check-in to stop.");
            }
            stop(flow, group);
            return Reply.of("🗓 The weekly check-in of " + group.title() + " has stopped.");
        }
        int every = everyIndex(args);
        String example = "like /wg checkin " + group.slug() + " \"What did you try this week?\" every friday 10:00.";
        if (every < 0 || every + 1 >= args.size()) {
            throw new UsageException("Say when, after the question: every <weekday> <time>, " + example);
        }
        String question = every == 2 ? args.get(1).strip() : args.restFrom(1).substring(0,
                args.restFrom(1).length() - args.restFrom(every).length()).strip();
        if (question.isEmpty() || question.length() > 300) {
            throw new UsageException("The question needs 1 to 300 characters, " + example);
        }
        DayOfWeek day = day(args.get(every + 1)).orElseThrow(() -> new UsageException("\"" + args.get(every + 1)
                + "\" isn't a weekday I know; write monday … sunday (or mon … sun), " + example));
        String when = args.restFrom(every + 2).toLowerCase(Locale.ROOT).replaceFirst("^at\\s+", "");
        LocalTime time = time(when).orElseThrow(() -> new UsageException("\"" + when + "\" isn't a time I can read:"
                + " write it like 10:00 or 4pm, " + example));
        stop(flow, group);
        long id = flow.checkins.insert(group.id(), question, day, time, caller, flow.now());
        CheckinStore.Checkin checkin = new CheckinStore.Checkin(id, group.id(), question, day, time);
        LocalDate first = firstDate(flow, checkin, group.owner());
        planRound(flow, checkin, first);
        return Reply.of(Message.text("🗓 " + group.title() + " checks in every " + dayName(day) + " at " + time
                        + ", each member at that time in their own zone: \"" + question + "\"")
                .withContext("First round: " + first + ". Answers go to the group's channel as one digest."));
    }

    private static int everyIndex(Args args) {
        for (int i = 2; i < args.size(); i++) {
            if (!args.isQuoted(i) && args.get(i).equalsIgnoreCase("every")) {
                return i;
            }
        }
        return -1;
    }

    /** The next date on that weekday whose time has not passed yet in the owner's zone. */
    private static LocalDate firstDate(WgFlow flow, CheckinStore.Checkin checkin, PersonId owner) {
        LocalDate date = flow.today(owner).with(TemporalAdjusters.nextOrSame(checkin.weekday()));
        return date.atTime(checkin.atTime()).atZone(flow.zoneOf(owner)).toInstant().isAfter(flow.now()) ? date
                : date.plusWeeks(1);
    }

    private static void planRound(WgFlow flow, CheckinStore.Checkin checkin, LocalDate date) {
        List<WgStore.Person> members = flow.store.people(checkin.groupId(), WgStore.MEMBER);
        Instant latest = flow.now();
        long round = flow.checkins.insertRound(checkin.id(), date, flow.now());
        for (WgStore.Person member : members) {
            Instant due = date.atTime(checkin.atTime()).atZone(flow.zoneOf(member.id())).toInstant();
            if (due.isBefore(flow.now())) {
                due = flow.now();
            }
            latest = due.isAfter(latest) ? due : latest;
            long ask = flow.checkins.insertAsk(round, member.id(), due);
            flow.tasks.schedule(ASK, ask, due);
        }
        Instant digestDue = latest.plus(ANSWER_WINDOW);
        flow.checkins.setDigestDue(round, digestDue);
        flow.tasks.schedule(DIGEST, round, digestDue);
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
            long id = flow.checkins.insert(group.id(), old.question(), old.weekday(), old.atTime(), group.owner(),
                    flow.now());
            CheckinStore.Checkin resumed = new CheckinStore.Checkin(id, group.id(), old.question(), old.weekday(),
                    old.atTime());
            planRound(flow, resumed, firstDate(flow, resumed, group.owner()));
        });
        return paused;
    }

    /** A group split off another runs the same check-in, from its next weekday on. */
    static void inherit(WgFlow flow, WorkingGroup parent, WorkingGroup split) {
        active(flow, parent).ifPresent(old -> {
            long id = flow.checkins.insert(split.id(), old.question(), old.weekday(), old.atTime(), split.owner(),
                    flow.now());
            CheckinStore.Checkin copy = new CheckinStore.Checkin(id, split.id(), old.question(), old.weekday(),
                    old.atTime());
            planRound(flow, copy, firstDate(flow, copy, split.owner()));
        });
    }

    static Optional<String> describe(WgFlow flow, WorkingGroup group) {
        return active(flow, group).map(c -> "every " + dayName(c.weekday()) + " at " + c.atTime() + " (local): \""
                + c.question() + "\"");
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
        // After a long stop of the bot, skip the weeks already gone rather than catch up on each of them.
        LocalDate next = round.occursOn().plusWeeks(1);
        while (next.atTime(round.atTime()).atZone(ZoneOffset.UTC).toInstant().isBefore(flow.now())) {
            next = next.plusWeeks(1);
        }
        planRound(flow, round.checkin(), next);
    }

    static Optional<DayOfWeek> day(String word) {
        String typed = word.toLowerCase(Locale.ROOT).replaceFirst("s$", "");
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (typed.equals(name) || (typed.length() >= 3 && name.startsWith(typed))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    static Optional<LocalTime> time(String typed) {
        Matcher m = TIME.matcher(typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (h < 1 || h > 12) {
                return Optional.empty();
            }
            h = h % 12 + (m.group(3).equals("pm") ? 12 : 0);
        } else if (m.group(2) == null) {
            return Optional.empty();
        }
        return h > 23 || min > 59 ? Optional.empty() : Optional.of(LocalTime.of(h, min));
    }

    private static String dayName(DayOfWeek day) {
        String name = day.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
