package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What follow-through keeps beside tickets, offers and matches: pauses, listings, thanks, invitations. */
final class FollowThroughStore {
    private static final String ACTIVE_MATCH = "('PROPOSED', 'ACCEPTED')";

    private final Handle handle;

    FollowThroughStore(Handle handle) {
        this.handle = handle;
    }

    // --- pauses Guildhall makes after silence, and resuming

    /** Pauses every active, running offer of the teacher until {@code resumeAt}; returns how many it paused. */
    int pauseUntil(PersonId teacher, Instant now, Instant resumeAt) {
        return handle.createUpdate("""
                        UPDATE teaching_offer SET paused_at = :now, resume_at = :resumeAt
                        WHERE teacher_id = :teacher AND stopped_at IS NULL AND paused_at IS NULL""")
                .bind("now", now).bind("resumeAt", resumeAt).bind("teacher", teacher).execute();
    }

    /** When the teacher's pause lifts by itself; empty when not paused, or paused by their own /teach pause. */
    Optional<Instant> resumesAt(PersonId teacher) {
        return handle.createQuery("""
                        SELECT MAX(resume_at) FROM teaching_offer
                        WHERE teacher_id = :teacher AND stopped_at IS NULL AND paused_at IS NOT NULL""")
                .bind("teacher", teacher).mapTo(Instant.class).findOne();
    }

    int resume(PersonId teacher) {
        return handle.createUpdate("""
                        UPDATE teaching_offer SET paused_at = NULL, resume_at = NULL
                        WHERE teacher_id = :teacher AND stopped_at IS NULL AND paused_at IS NOT NULL""")
                .bind("teacher", teacher).execute();
    }

    /** A teacher paused by Guildhall who types /teach pause keeps the pause until they resume it themselves. */
    int keepPausedUntilResumed(PersonId teacher) {
        return handle.createUpdate("""
                        UPDATE teaching_offer SET resume_at = NULL
                        WHERE teacher_id = :teacher AND stopped_at IS NULL AND paused_at IS NOT NULL
                        AND resume_at IS NOT NULL""")
                .bind("teacher", teacher).execute();
    }

    // --- who could teach a waiting learner, and why they don't

    /** A teacher of a topic with a free place, paused or not, and when a pause Guildhall made lifts. */
    record TeacherWithRoom(PersonId teacher, Instant pausedAt, Instant resumeAt) {
        boolean paused() {
            return pausedAt != null;
        }
    }

    /** Everyone teaching the topic with a free place, first offered first (a learner who teaches it too included). */
    List<TeacherWithRoom> teachersWithRoom(String topic) {
        return handle.createQuery("""
                        SELECT o.teacher_id AS teacher, o.paused_at, o.resume_at FROM teaching_offer o
                        WHERE o.topic = :topic AND o.stopped_at IS NULL
                          AND o.capacity > (SELECT COUNT(*) FROM mentorship_match m
                              WHERE m.teacher_id = o.teacher_id AND m.topic = o.topic AND m.status IN %s)
                        ORDER BY o.created_at, o.id""".formatted(ACTIVE_MATCH))
                .bind("topic", topic).mapTo(TeacherWithRoom.class).list();
    }

    private record PairStatus(PersonId learner, PersonId teacher, MatchStatus status) {
    }

    /** Every status each of these learners' matches on a topic ever had, by learner and then by teacher. */
    Map<PersonId, Map<PersonId, Set<MatchStatus>>> pairHistories(String topic, Collection<PersonId> learners) {
        Map<PersonId, Map<PersonId, Set<MatchStatus>>> histories = new HashMap<>();
        if (learners.isEmpty()) {
            return histories;
        }
        handle.createQuery("""
                        SELECT DISTINCT learner_id, teacher_id, status FROM mentorship_match
                        WHERE topic = :topic AND learner_id IN (<learners>)""")
                .bind("topic", topic)
                .bindList("learners", learners.stream().map(PersonId::value).distinct().toList())
                .map((rs, ctx) -> new PairStatus(new PersonId(rs.getString("learner_id")),
                        new PersonId(rs.getString("teacher_id")), MatchStatus.valueOf(rs.getString("status"))))
                .forEach(pair -> histories.computeIfAbsent(pair.learner(), learner -> new HashMap<>())
                        .computeIfAbsent(pair.teacher(), teacher -> EnumSet.noneOf(MatchStatus.class))
                        .add(pair.status()));
        return histories;
    }

    /** Proposals waiting for this teacher's answer on a topic. */
    List<Match> pendingProposals(PersonId teacher, String topic) {
        return handle.createQuery("""
                        SELECT * FROM mentorship_match
                        WHERE teacher_id = :teacher AND topic = :topic AND status = 'PROPOSED' ORDER BY id""")
                .bind("teacher", teacher).bind("topic", topic).mapTo(Match.class).list();
    }

    // --- thanks and lineage

    void thank(long matchId, String thanks) {
        handle.createUpdate("UPDATE mentorship_match SET thanks = :thanks WHERE id = :id")
                .bind("thanks", thanks).bind("id", matchId).execute();
    }

    Optional<Match> finishedMatch(long ticketId) {
        return handle.createQuery("SELECT * FROM mentorship_match WHERE ticket_id = :ticket AND status = 'DONE'"
                        + " ORDER BY id DESC")
                .bind("ticket", ticketId).mapTo(Match.class).findFirst();
    }

    Optional<String> thanksOf(long matchId) {
        return handle.createQuery("SELECT thanks FROM mentorship_match WHERE id = :id")
                .bind("id", matchId).mapTo(String.class).findOne().filter(t -> t != null);
    }

    record Thanks(PersonId learner, String topic, String text) {
    }

    List<Thanks> recentThanks(PersonId teacher, int limit) {
        return handle.createQuery("""
                        SELECT learner_id AS learner, topic, thanks AS text FROM mentorship_match
                        WHERE teacher_id = :teacher AND thanks IS NOT NULL ORDER BY ended_at DESC, id DESC LIMIT :limit""")
                .bind("teacher", teacher).bind("limit", limit).mapTo(Thanks.class).list();
    }

    /** How many people a teacher saw through to the end, and how many of them now teach what they learned. */
    record Lineage(int taught, int nowTeach) {
    }

    Lineage lineage(PersonId teacher) {
        return handle.createQuery("""
                        SELECT COUNT(DISTINCT m.learner_id) AS taught,
                               COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM teaching_offer o
                                   WHERE o.teacher_id = m.learner_id AND o.topic = m.topic AND o.stopped_at IS NULL)
                                   THEN m.learner_id END) AS now_teach
                        FROM mentorship_match m WHERE m.teacher_id = :teacher AND m.status = 'DONE'""")
                .bind("teacher", teacher).mapTo(Lineage.class).one();
    }

    // --- being listed on /teach board

    /** Empty: never asked; a present empty boolean: asked, no answer yet. */
    Optional<Optional<Boolean>> listing(PersonId teacher) {
        return handle.createQuery("SELECT listed FROM teacher_listing WHERE teacher_id = :teacher")
                .bind("teacher", teacher)
                .map((rs, ctx) -> {
                    int listed = rs.getInt("listed");
                    return rs.wasNull() ? Optional.<Boolean>empty() : Optional.of(listed == 1);
                })
                .findOne();
    }

    void askedToList(PersonId teacher, Instant now) {
        handle.createUpdate("""
                        INSERT INTO teacher_listing (teacher_id, asked_at) VALUES (:teacher, :now)
                        ON CONFLICT (teacher_id) DO NOTHING""")
                .bind("teacher", teacher).bind("now", now).execute();
    }

    void answerListing(PersonId teacher, boolean listed, Instant now) {
        handle.createUpdate("""
                        INSERT INTO teacher_listing (teacher_id, listed, asked_at, answered_at)
                        VALUES (:teacher, :listed, :now, :now)
                        ON CONFLICT (teacher_id) DO UPDATE SET listed = :listed, answered_at = :now""")
                .bind("teacher", teacher).bind("listed", listed ? 1 : 0).bind("now", now).execute();
    }

    /** A listed teacher with room on a topic, on /teach board. */
    record Listed(long offerId, PersonId teacher, String topic, int room) {
    }

    List<Listed> listedWithRoom(Optional<String> topic, int limit) {
        return handle.createQuery("""
                        SELECT o.id AS offer_id, o.teacher_id AS teacher, o.topic,
                               o.capacity - (SELECT COUNT(*) FROM mentorship_match m
                                   WHERE m.teacher_id = o.teacher_id AND m.topic = o.topic AND m.status IN %s) AS room
                        FROM teaching_offer o JOIN teacher_listing l ON l.teacher_id = o.teacher_id AND l.listed = 1
                        WHERE o.stopped_at IS NULL AND o.paused_at IS NULL AND (:topic IS NULL OR o.topic = :topic)
                          AND o.capacity > (SELECT COUNT(*) FROM mentorship_match m
                              WHERE m.teacher_id = o.teacher_id AND m.topic = o.topic AND m.status IN %s)
                        ORDER BY o.topic, o.created_at, o.id LIMIT :limit""".formatted(ACTIVE_MATCH, ACTIVE_MATCH))
                .bindByType("topic", topic.orElse(null), String.class).bind("limit", limit)
                .mapTo(Listed.class).list();
    }

    Optional<Offer> offer(long offerId) {
        return handle.createQuery("SELECT * FROM teaching_offer WHERE id = :id").bind("id", offerId)
                .mapTo(Offer.class).findOne();
    }

    // --- people asked to teach a topic because they know it

    record Invitation(long id, String topic, PersonId person, String reason) {
    }

    /** Empty when this person was already asked about this topic. */
    Optional<Long> invite(String topic, PersonId person, String reason, Instant now) {
        return handle.createQuery("""
                        INSERT INTO teach_invitation (topic, person_id, reason, asked_at)
                        VALUES (:topic, :person, :reason, :now) ON CONFLICT (topic, person_id) DO NOTHING RETURNING id""")
                .bind("topic", topic).bind("person", person).bind("reason", reason).bind("now", now)
                .mapTo(Long.class).findOne();
    }

    Optional<Invitation> invitation(long id) {
        return handle.createQuery("SELECT id, topic, person_id AS person, reason FROM teach_invitation WHERE id = :id")
                .bind("id", id).mapTo(Invitation.class).findOne();
    }

    /** Who was asked to teach a topic and has not answered (or not started teaching it) yet. */
    List<Invitation> openInvitations(String topic) {
        return handle.createQuery("""
                        SELECT i.id, i.topic, i.person_id AS person, i.reason FROM teach_invitation i
                        WHERE i.topic = :topic AND i.answered_at IS NULL ORDER BY i.id""")
                .bind("topic", topic).mapTo(Invitation.class).list();
    }

    void answerInvitation(long id, Instant now) {
        handle.createUpdate("UPDATE teach_invitation SET answered_at = :now WHERE id = :id")
                .bind("now", now).bind("id", id).execute();
    }

    /** Owners of any guild's syllabus module on the topic: they know it well enough to be asked to teach it. */
    List<PersonId> moduleOwners(String topic) {
        return handle.createQuery("""
                        SELECT DISTINCT o.person_id FROM module_owner o JOIN syllabus_module s ON s.id = o.module_id
                        WHERE s.topic = :topic ORDER BY o.person_id""")
                .bind("topic", topic).mapTo(PersonId.class).list();
    }
}
