package dev.guildhall.workinggroup;

import dev.guildhall.core.PersonId;
import dev.guildhall.time.Recurrence;
import org.jdbi.v3.core.Handle;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Weekly check-ins, their rounds and the asks of each round, inside one transaction. */
final class CheckinStore {
    /**
     * A check-in: the question and when it is asked, each member at that time in their own zone. {@code rule} is
     * its RRULE (null for a check-in stored before rules: weekly on its weekday).
     */
    record Checkin(long id, long groupId, String question, DayOfWeek weekday, LocalTime atTime, String rule) {
        Recurrence schedule() {
            return rule != null ? new Recurrence(rule) : Recurrence.weekly(Set.of(weekday), 1, atTime);
        }
    }

    /** {@code live}: its check-in still runs and its round's digest has not gone out. */
    record Ask(long id, long roundId, PersonId person, boolean asked, boolean answered, String question,
               long groupId, boolean live) {
    }

    record Round(long checkinId, LocalDate occursOn, boolean posted, boolean stopped, long groupId, String question,
                 DayOfWeek weekday, LocalTime atTime, String rule) {
        Checkin checkin() {
            return new Checkin(checkinId, groupId, question, weekday, atTime, rule);
        }
    }

    /** {@code answer} is null for someone who did not answer. */
    record Answer(String name, String answer, boolean asked) {
    }

    private final Handle handle;

    CheckinStore(Handle handle) {
        this.handle = handle;
    }

    /** {@code day}: the weekday of its first round (the rule says which days follow). */
    long insert(long groupId, String question, Recurrence rule, DayOfWeek day, PersonId by, Instant now) {
        return handle.createQuery("""
                        INSERT INTO wg_checkin (group_id, question, weekday, at_time, rule, created_by, created_at)
                        VALUES (:group, :question, :day, :time, :rule, :by, :now) RETURNING id""")
                .bind("group", groupId).bind("question", question).bind("day", day.name())
                .bind("time", rule.time()).bind("rule", rule.rrule())
                .bind("by", by).bind("now", now)
                .mapTo(Long.class).one();
    }

    Optional<Checkin> active(long groupId) {
        return handle.createQuery("""
                        SELECT id, group_id, question, weekday, at_time, rule FROM wg_checkin
                        WHERE group_id = :group AND stopped_at IS NULL""")
                .bind("group", groupId).mapTo(Checkin.class).findOne();
    }

    /** Stops the running check-in and marks it as paused for want of an owner; true when one was running. */
    boolean pauseForOwner(long groupId, Instant now) {
        return handle.createUpdate("""
                        UPDATE wg_checkin SET stopped_at = :now, paused_for_owner = 1
                        WHERE group_id = :group AND stopped_at IS NULL""")
                .bind("now", now).bind("group", groupId).execute() > 0;
    }

    /** The latest check-in paused for want of an owner, no longer marked as paused. */
    Optional<Checkin> takePaused(long groupId) {
        Optional<Checkin> paused = handle.createQuery("""
                        SELECT id, group_id, question, weekday, at_time, rule FROM wg_checkin
                        WHERE group_id = :group AND paused_for_owner = 1 ORDER BY id DESC LIMIT 1""")
                .bind("group", groupId).mapTo(Checkin.class).findOne();
        paused.ifPresent(found -> handle.createUpdate("UPDATE wg_checkin SET paused_for_owner = 0 WHERE group_id = :group")
                .bind("group", groupId).execute());
        return paused;
    }

    void stop(long groupId, Instant now) {
        handle.createUpdate("UPDATE wg_checkin SET stopped_at = :now WHERE group_id = :group AND stopped_at IS NULL")
                .bind("now", now).bind("group", groupId).execute();
    }

    long insertRound(long checkinId, LocalDate date, Instant digestDue) {
        return handle.createQuery("""
                        INSERT INTO wg_checkin_round (checkin_id, occurs_on, digest_due_at)
                        VALUES (:checkin, :date, :due) RETURNING id""")
                .bind("checkin", checkinId).bind("date", date).bind("due", digestDue)
                .mapTo(Long.class).one();
    }

    void setDigestDue(long roundId, Instant due) {
        handle.createUpdate("UPDATE wg_checkin_round SET digest_due_at = :due WHERE id = :id")
                .bind("due", due).bind("id", roundId).execute();
    }

    Round round(long roundId) {
        return handle.createQuery("""
                        SELECT r.checkin_id, r.occurs_on, r.digest_posted_at IS NOT NULL AS posted,
                               c.stopped_at IS NOT NULL AS stopped, c.group_id, c.question, c.weekday, c.at_time,
                               c.rule
                        FROM wg_checkin_round r JOIN wg_checkin c ON c.id = r.checkin_id WHERE r.id = :id""")
                .bind("id", roundId).mapTo(Round.class).one();
    }

    void markDigestPosted(long roundId, Instant now) {
        handle.createUpdate("UPDATE wg_checkin_round SET digest_posted_at = :now WHERE id = :id")
                .bind("now", now).bind("id", roundId).execute();
    }

    long insertAsk(long roundId, PersonId person, Instant due) {
        return handle.createQuery("""
                        INSERT INTO wg_checkin_ask (round_id, person_id, due_at) VALUES (:round, :person, :due)
                        RETURNING id""")
                .bind("round", roundId).bind("person", person).bind("due", due)
                .mapTo(Long.class).one();
    }

    private static final String ASKS = """
            SELECT a.id, a.round_id, a.person_id AS person, a.asked_at IS NOT NULL AS asked,
                   a.answered_at IS NOT NULL AS answered, c.question, c.group_id,
                   (c.stopped_at IS NULL AND r.digest_posted_at IS NULL) AS live
            FROM wg_checkin_ask a JOIN wg_checkin_round r ON r.id = a.round_id
            JOIN wg_checkin c ON c.id = r.checkin_id
            """;

    Optional<Ask> ask(long id) {
        return handle.createQuery(ASKS + "WHERE a.id = :id").bind("id", id).mapTo(Ask.class).findOne();
    }

    void markAsked(long askId, Instant now) {
        handle.createUpdate("UPDATE wg_checkin_ask SET asked_at = :now WHERE id = :id")
                .bind("now", now).bind("id", askId).execute();
    }

    /** The latest ask of the group's running check-in put to that person and still open for answers. */
    Optional<Long> openAsk(long groupId, PersonId person) {
        return handle.createQuery("""
                        SELECT a.id FROM wg_checkin_ask a JOIN wg_checkin_round r ON r.id = a.round_id
                        JOIN wg_checkin c ON c.id = r.checkin_id
                        WHERE c.group_id = :group AND c.stopped_at IS NULL AND r.digest_posted_at IS NULL
                          AND a.person_id = :person AND a.asked_at IS NOT NULL
                        ORDER BY a.id DESC LIMIT 1""")
                .bind("group", groupId).bind("person", person).mapTo(Long.class).findOne();
    }

    /** The person's ask in the running check-in's next round, not put to them yet: where a late answer goes. */
    Optional<Long> nextAsk(long groupId, PersonId person) {
        return handle.createQuery("""
                        SELECT a.id FROM wg_checkin_ask a JOIN wg_checkin_round r ON r.id = a.round_id
                        JOIN wg_checkin c ON c.id = r.checkin_id
                        WHERE c.group_id = :group AND c.stopped_at IS NULL AND r.digest_posted_at IS NULL
                          AND a.person_id = :person AND a.asked_at IS NULL
                        ORDER BY a.id LIMIT 1""")
                .bind("group", groupId).bind("person", person).mapTo(Long.class).findOne();
    }

    /** The person's next ask of the running check-in still unanswered: the one put to them, else the next. */
    Optional<Ask> nextUnanswered(long groupId, PersonId person) {
        return handle.createQuery("""
                        SELECT a.id FROM wg_checkin_ask a JOIN wg_checkin_round r ON r.id = a.round_id
                        JOIN wg_checkin c ON c.id = r.checkin_id
                        WHERE c.group_id = :group AND c.stopped_at IS NULL AND r.digest_posted_at IS NULL
                          AND a.person_id = :person AND a.answered_at IS NULL
                        ORDER BY a.asked_at IS NULL, a.id LIMIT 1""")
                .bind("group", groupId).bind("person", person).mapTo(Long.class).findOne().flatMap(this::ask);
    }

    /** The asks of a round put to someone who hasn't answered yet and is still a member of the group. */
    List<Ask> waiting(long roundId) {
        return handle.createQuery(ASKS + """
                        JOIN wg_member m ON m.group_id = c.group_id AND m.person_id = a.person_id
                        WHERE a.round_id = :round AND a.asked_at IS NOT NULL AND a.answered_at IS NULL
                          AND m.state = 'MEMBER' ORDER BY a.id""")
                .bind("round", roundId).mapTo(Ask.class).list();
    }

    /** Excuses the person from the unanswered asks of the group's running check-in due before {@code until}. */
    void excuse(long groupId, PersonId person, Instant until) {
        handle.createUpdate("""
                        DELETE FROM wg_checkin_ask WHERE person_id = :person AND answered_at IS NULL AND due_at < :until
                          AND round_id IN (SELECT r.id FROM wg_checkin_round r JOIN wg_checkin c ON c.id = r.checkin_id
                                           WHERE c.group_id = :group AND c.stopped_at IS NULL
                                             AND r.digest_posted_at IS NULL)""")
                .bind("person", person).bind("until", until).bind("group", groupId).execute();
    }

    void excuse(long askId) {
        handle.createUpdate("DELETE FROM wg_checkin_ask WHERE id = :id").bind("id", askId).execute();
    }

    void skipUntil(long groupId, PersonId person, Instant until) {
        handle.createUpdate("""
                        UPDATE wg_member SET checkin_skip_until = :until WHERE group_id = :group AND person_id = :person""")
                .bind("until", until).bind("group", groupId).bind("person", person).execute();
    }

    /** A member a round asks: their zone as the platform gave it (may be absent) and until when they skip. */
    record Asked(PersonId person, String zone, Instant skipUntil) {
        boolean skips(Instant at) {
            return skipUntil != null && skipUntil.isAfter(at);
        }
    }

    /** The members a round asks, with what planning it needs of each, in one query (in the group's member order). */
    List<Asked> membersToAsk(long groupId) {
        return handle.createQuery("""
                        SELECT m.person_id AS person, p.time_zone AS zone, m.checkin_skip_until AS skip_until
                        FROM wg_member m JOIN person p ON p.id = m.person_id
                        WHERE m.group_id = :group AND m.state = 'MEMBER' ORDER BY m.since, m.person_id""")
                .bind("group", groupId).mapTo(Asked.class).list();
    }

    void answer(long askId, String text, Instant now) {
        handle.createUpdate("UPDATE wg_checkin_ask SET answer = :text, answered_at = :now WHERE id = :id")
                .bind("text", text).bind("now", now).bind("id", askId).execute();
    }

    int unanswered(long roundId) {
        return handle.createQuery("SELECT COUNT(*) FROM wg_checkin_ask WHERE round_id = :round AND answered_at IS NULL")
                .bind("round", roundId).mapTo(Integer.class).one();
    }

    /** Everyone the round asked (or meant to), in the order they answered. */
    List<Answer> answers(long roundId) {
        return handle.createQuery("""
                        SELECT p.display_name AS name, a.answer, a.asked_at IS NOT NULL AS asked FROM wg_checkin_ask a
                        JOIN person p ON p.id = a.person_id WHERE a.round_id = :round ORDER BY a.answered_at, a.id""")
                .bind("round", roundId).mapTo(Answer.class).list();
    }
}
