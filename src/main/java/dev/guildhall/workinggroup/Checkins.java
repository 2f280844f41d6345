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

    record Checkin(long id, long groupId, String question, DayOfWeek day, LocalTime time) {
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
        long id = flow.work.handle().createQuery("""
                        INSERT INTO wg_checkin (group_id, question, weekday, at_time, created_by, created_at)
                        VALUES (:group, :question, :day, :time, :by, :now) RETURNING id""")
                .bind("group", group.id()).bind("question", question).bind("day", day.name())
                .bind("time", time.toString()).bind("by", caller.value()).bind("now", flow.now())
                .mapTo(Long.class).one();
        Checkin checkin = new Checkin(id, group.id(), question, day, time);
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
    private static LocalDate firstDate(WgFlow flow, Checkin checkin, PersonId owner) {
        LocalDate date = flow.today(owner).with(TemporalAdjusters.nextOrSame(checkin.day()));
        return date.atTime(checkin.time()).atZone(flow.zoneOf(owner)).toInstant().isAfter(flow.now()) ? date
                : date.plusWeeks(1);
    }

    private static void planRound(WgFlow flow, Checkin checkin, LocalDate date) {
        List<WgStore.Person> members = flow.store.people(checkin.groupId(), WgStore.MEMBER);
        Instant latest = flow.now();
        long round = flow.work.handle().createQuery("""
                        INSERT INTO wg_checkin_round (checkin_id, occurs_on, digest_due_at)
                        VALUES (:checkin, :date, :due) RETURNING id""")
                .bind("checkin", checkin.id()).bind("date", date.toString()).bind("due", flow.now())
                .mapTo(Long.class).one();
        for (WgStore.Person member : members) {
            Instant due = date.atTime(checkin.time()).atZone(flow.zoneOf(member.id())).toInstant();
            if (due.isBefore(flow.now())) {
                due = flow.now();
            }
            latest = due.isAfter(latest) ? due : latest;
            long ask = flow.work.handle().createQuery("""
                            INSERT INTO wg_checkin_ask (round_id, person_id, due_at) VALUES (:round, :person, :due)
                            RETURNING id""")
                    .bind("round", round).bind("person", member.id().value()).bind("due", due)
                    .mapTo(Long.class).one();
            flow.tasks.schedule(ASK, ask, due);
        }
        Instant digestDue = latest.plus(ANSWER_WINDOW);
        flow.work.handle().createUpdate("UPDATE wg_checkin_round SET digest_due_at = :due WHERE id = :id")
                .bind("due", digestDue).bind("id", round).execute();
        flow.tasks.schedule(DIGEST, round, digestDue);
    }

    static Optional<Checkin> active(WgFlow flow, WorkingGroup group) {
        return flow.work.handle().createQuery("""
                        SELECT id, group_id, question, weekday, at_time FROM wg_checkin
                        WHERE group_id = :group AND stopped_at IS NULL""")
                .bind("group", group.id())
                .map((rs, ctx) -> new Checkin(rs.getLong("id"), rs.getLong("group_id"), rs.getString("question"),
                        DayOfWeek.valueOf(rs.getString("weekday")), LocalTime.parse(rs.getString("at_time"))))
                .findOne();
    }

    /** Stops the group's check-in; its planned asks and digests find it stopped and do nothing. */
    static void stop(WgFlow flow, WorkingGroup group) {
        flow.work.handle().createUpdate("""
                        UPDATE wg_checkin SET stopped_at = :now WHERE group_id = :group AND stopped_at IS NULL""")
                .bind("now", flow.now()).bind("group", group.id()).execute();
    }

    /** Pauses the group's check-in while it has no owner; true when there was one running. */
    static boolean pauseForOwner(WgFlow flow, WorkingGroup group) {
        return flow.work.handle().createUpdate("""
                        UPDATE wg_checkin SET stopped_at = :now, paused_for_owner = 1
                        WHERE group_id = :group AND stopped_at IS NULL""")
                .bind("now", flow.now()).bind("group", group.id()).execute() > 0;
    }

    /** The check-in paused for want of an owner starts again, its next round planned from the new owner's week. */
    static Optional<Checkin> resumePaused(WgFlow flow, WorkingGroup group) {
        Optional<Checkin> paused = flow.work.handle().createQuery("""
                        SELECT id, group_id, question, weekday, at_time, created_by FROM wg_checkin
                        WHERE group_id = :group AND paused_for_owner = 1 ORDER BY id DESC LIMIT 1""")
                .bind("group", group.id())
                .map((rs, ctx) -> new Checkin(rs.getLong("id"), rs.getLong("group_id"), rs.getString("question"),
                        DayOfWeek.valueOf(rs.getString("weekday")), LocalTime.parse(rs.getString("at_time"))))
                .findOne();
        paused.ifPresent(old -> {
            flow.work.handle().createUpdate("UPDATE wg_checkin SET paused_for_owner = 0 WHERE group_id = :group")
                    .bind("group", group.id()).execute();
            long id = flow.work.handle().createQuery("""
                            INSERT INTO wg_checkin (group_id, question, weekday, at_time, created_by, created_at)
                            VALUES (:group, :question, :day, :time, :by, :now) RETURNING id""")
                    .bind("group", group.id()).bind("question", old.question()).bind("day", old.day().name())
                    .bind("time", old.time().toString()).bind("by", group.owner().value()).bind("now", flow.now())
                    .mapTo(Long.class).one();
            Checkin resumed = new Checkin(id, group.id(), old.question(), old.day(), old.time());
            planRound(flow, resumed, firstDate(flow, resumed, group.owner()));
        });
        return paused;
    }

    static Optional<String> describe(WgFlow flow, WorkingGroup group) {
        return active(flow, group).map(c -> "every " + dayName(c.day()) + " at " + c.time() + " (local): \""
                + c.question() + "\"");
    }

    private record Ask(long id, long roundId, PersonId person, boolean asked, boolean answered, String question,
                       long groupId, boolean live) {
    }

    private static Optional<Ask> askById(WgFlow flow, long id) {
        return flow.work.handle().createQuery("""
                        SELECT a.id, a.round_id, a.person_id, a.asked_at, a.answered_at, c.question, c.group_id,
                               c.stopped_at, r.digest_posted_at
                        FROM wg_checkin_ask a JOIN wg_checkin_round r ON r.id = a.round_id
                        JOIN wg_checkin c ON c.id = r.checkin_id WHERE a.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new Ask(rs.getLong("id"), rs.getLong("round_id"),
                        new PersonId(rs.getString("person_id")), rs.getObject("asked_at") != null,
                        rs.getObject("answered_at") != null, rs.getString("question"), rs.getLong("group_id"),
                        rs.getObject("stopped_at") == null && rs.getObject("digest_posted_at") == null))
                .findOne();
    }

    static void ask(long askId, UnitOfWork work) {
        WgFlow flow = new WgFlow(work);
        askById(flow, askId).filter(Ask::live).ifPresent(ask -> {
            WorkingGroup group = flow.store.byId(ask.groupId()).orElseThrow();
            if (group.status() != WorkingGroup.Status.ACTIVE
                    || !WgStore.MEMBER.equals(flow.store.state(group.id(), ask.person()).orElse(""))) {
                return;
            }
            work.handle().createUpdate("UPDATE wg_checkin_ask SET asked_at = :now WHERE id = :id")
                    .bind("now", flow.now()).bind("id", askId).execute();
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
        long askId = flow.work.handle().createQuery("""
                        SELECT a.id FROM wg_checkin_ask a JOIN wg_checkin_round r ON r.id = a.round_id
                        JOIN wg_checkin c ON c.id = r.checkin_id
                        WHERE c.group_id = :group AND c.stopped_at IS NULL AND r.digest_posted_at IS NULL
                          AND a.person_id = :person AND a.asked_at IS NOT NULL
                        ORDER BY a.id DESC LIMIT 1""")
                .bind("group", group.id()).bind("person", caller.value()).mapTo(Long.class).findOne()
                .orElseThrow(() -> new UsageException("There's no check-in of " + group.title() + " waiting for your"
                        + " answer. " + describe(flow, group).map(d -> "It checks in " + d + ".")
                        .orElse("It has no check-in; its owner can start one with /wg checkin.")));
        return record(flow, askId, text);
    }

    static Reply nothingNew(WgFlow flow, PersonId presser, long askId) {
        Ask ask = askById(flow, askId).filter(a -> a.person().equals(presser)).orElseThrow(() -> new UsageException(
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
        Ask ask = askById(flow, askId).orElseThrow();
        flow.work.handle().createUpdate("UPDATE wg_checkin_ask SET answer = :text, answered_at = :now WHERE id = :id")
                .bind("text", text).bind("now", flow.now()).bind("id", askId).execute();
        int open = flow.work.handle().createQuery("""
                        SELECT COUNT(*) FROM wg_checkin_ask WHERE round_id = :round AND answered_at IS NULL""")
                .bind("round", ask.roundId()).mapTo(Integer.class).one();
        if (open == 0) {
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
        record Round(long checkinId, LocalDate date, boolean posted, boolean stopped, long groupId, String question,
                     DayOfWeek day, LocalTime time) {
        }
        Round round = flow.work.handle().createQuery("""
                        SELECT r.checkin_id, r.occurs_on, r.digest_posted_at, c.stopped_at, c.group_id, c.question,
                               c.weekday, c.at_time
                        FROM wg_checkin_round r JOIN wg_checkin c ON c.id = r.checkin_id WHERE r.id = :id""")
                .bind("id", roundId)
                .map((rs, ctx) -> new Round(rs.getLong("checkin_id"), LocalDate.parse(rs.getString("occurs_on")),
                        rs.getObject("digest_posted_at") != null, rs.getObject("stopped_at") != null,
                        rs.getLong("group_id"), rs.getString("question"), DayOfWeek.valueOf(rs.getString("weekday")),
                        LocalTime.parse(rs.getString("at_time"))))
                .one();
        if (round.posted() || round.stopped()) {
            return;
        }
        WorkingGroup group = flow.store.byId(round.groupId()).orElseThrow();
        if (group.status() != WorkingGroup.Status.ACTIVE) {
            return;
        }
        flow.work.handle().createUpdate("UPDATE wg_checkin_round SET digest_posted_at = :now WHERE id = :id")
                .bind("now", flow.now()).bind("id", roundId).execute();
        record Answer(String name, String answer, boolean asked) {
        }
        List<Answer> answers = flow.work.handle().createQuery("""
                        SELECT p.display_name, a.answer, a.asked_at FROM wg_checkin_ask a
                        JOIN person p ON p.id = a.person_id WHERE a.round_id = :round ORDER BY a.answered_at, a.id""")
                .bind("round", roundId)
                .map((rs, ctx) -> new Answer(rs.getString("display_name"), rs.getString("answer"),
                        rs.getObject("asked_at") != null))
                .list();
        StringBuilder text = new StringBuilder("🗓 Check-in digest of " + group.title() + " (" + round.date() + "): *"
                + round.question() + "*");
        answers.stream().filter(a -> a.answer() != null)
                .forEach(a -> text.append("\n• ").append(a.name()).append(": ").append(a.answer()));
        List<String> silent = answers.stream().filter(a -> a.answer() == null && a.asked()).map(Answer::name).toList();
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
        LocalDate next = round.date().plusWeeks(1);
        while (next.atTime(round.time()).atZone(ZoneOffset.UTC).toInstant().isBefore(flow.now())) {
            next = next.plusWeeks(1);
        }
        planRound(flow, new Checkin(round.checkinId(), group.id(), round.question(), round.day(), round.time()), next);
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
