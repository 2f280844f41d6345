package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pairs' follow-through and the mentors who advise first-time mentors, inside one transaction. */
final class PairStore {
    private final Handle handle;

    PairStore(Handle handle) {
        this.handle = handle;
    }

    void insert(long matchId, Instant now, int playbookStep) {
        handle.createUpdate("""
                        INSERT INTO mentorship_pair (match_id, started_at, playbook_step)
                        VALUES (:match, :now, :step)""")
                .bind("match", matchId).bind("now", now).bind("step", playbookStep).execute();
    }

    Optional<Pair> pair(long matchId) {
        return handle.createQuery("SELECT * FROM mentorship_pair WHERE match_id = :match")
                .bind("match", matchId).mapTo(Pair.class).findOne();
    }

    /** Open pairs a person is in, as teacher or learner. */
    List<Long> openPairsOf(PersonId person) {
        return handle.createQuery("""
                        SELECT p.match_id FROM mentorship_pair p JOIN mentorship_match m ON m.id = p.match_id
                        WHERE p.closed_at IS NULL AND (m.teacher_id = :person OR m.learner_id = :person)
                        ORDER BY p.match_id""")
                .bind("person", person).mapTo(Long.class).list();
    }

    void met(long matchId, Instant now) {
        set(matchId, "met_at", now);
    }

    void close(long matchId, Instant now) {
        set(matchId, "closed_at", now);
    }

    void pauseCheckins(long matchId, Instant pausedAt) {
        set(matchId, "checkins_paused_at", pausedAt);
    }

    void skipPlaybook(long matchId, Instant now) {
        set(matchId, "playbook_skipped_at", now);
    }

    void playbookStep(long matchId, int step) {
        handle.createUpdate("UPDATE mentorship_pair SET playbook_step = :step WHERE match_id = :match")
                .bind("step", step).bind("match", matchId).execute();
    }

    private void set(long matchId, String column, Instant value) {
        handle.createUpdate("UPDATE mentorship_pair SET " + column + " = :value WHERE match_id = :match")
                .bindByType("value", value, Instant.class).bind("match", matchId).execute();
    }

    // --- mentors who advise first-time mentors

    void optInAsAdviser(PersonId teacher, String topic, Instant now) {
        handle.createUpdate("""
                        INSERT INTO mentor_adviser (teacher_id, topic, opted_in_at) VALUES (:teacher, :topic, :now)
                        ON CONFLICT (teacher_id, topic) DO NOTHING""")
                .bind("teacher", teacher).bind("topic", topic).bind("now", now).execute();
    }

    /**
     * The adviser to ask next: opted in for the topic, finished teaching it at least once, not the asker; the one
     * asked longest ago (or never) first, so the asking is shared.
     */
    Optional<PersonId> nextAdviser(String topic, PersonId asker) {
        return handle.createQuery("""
                        SELECT a.teacher_id FROM mentor_adviser a
                        WHERE a.topic = :topic AND a.teacher_id <> :asker
                          AND EXISTS (SELECT 1 FROM mentorship_match m WHERE m.teacher_id = a.teacher_id
                                        AND m.topic = a.topic AND m.status = 'DONE')
                        ORDER BY COALESCE(a.last_asked_at, 0), a.opted_in_at, a.teacher_id LIMIT 1""")
                .bind("topic", topic).bind("asker", asker)
                .map((rs, ctx) -> new PersonId(rs.getString("teacher_id"))).findOne();
    }

    void asked(PersonId adviser, String topic, Instant now) {
        handle.createUpdate("UPDATE mentor_adviser SET last_asked_at = :now WHERE teacher_id = :teacher AND topic = :topic")
                .bind("now", now).bind("teacher", adviser).bind("topic", topic).execute();
    }
}
