package dev.guildhall.mentorship;

import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tickets, teaching offers and matches, inside one transaction. */
final class MentorshipStore {
    private static final String ACTIVE_MATCH = "('PROPOSED', 'ACCEPTED')";

    private final Handle handle;

    MentorshipStore(Handle handle) {
        this.handle = handle;
    }

    // --- tickets

    long insertTicket(PersonId learner, String topic, String goal, Instant now) {
        return handle.createQuery("""
                        INSERT INTO ticket (learner_id, topic, goal, status, created_at)
                        VALUES (:learner, :topic, :goal, 'WAITING', :now) RETURNING id""")
                .bind("learner", learner).bind("topic", topic)
                .bindByType("goal", goal.isEmpty() ? null : goal, String.class)
                .bind("now", now)
                .mapTo(Long.class).one();
    }

    /** A goal only the teacher who accepts may read (a knowledge check's missed questions). */
    void markGoalPrivate(long ticketId) {
        handle.createUpdate("INSERT INTO ticket_private_goal (ticket_id) VALUES (:id)").bind("id", ticketId).execute();
    }

    boolean goalIsPrivate(long ticketId) {
        return handle.createQuery("SELECT COUNT(*) FROM ticket_private_goal WHERE ticket_id = :id")
                .bind("id", ticketId).mapTo(Integer.class).one() > 0;
    }

    /** Which of these tickets have a private goal, in one query. */
    Set<Long> privateGoals(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(handle.createQuery("SELECT ticket_id FROM ticket_private_goal WHERE ticket_id IN (<ids>)")
                .bindList("ids", List.copyOf(ticketIds)).mapTo(Long.class).list());
    }

    /** The goal as anyone but the learner and their accepted teacher may see it: none when it is private. */
    Ticket shownToOthers(Ticket ticket) {
        return ticket.goal() != null && goalIsPrivate(ticket.id()) ? withoutGoal(ticket) : ticket;
    }

    /** Like {@link #shownToOthers(Ticket)}, with the private goals read before by {@link #privateGoals}. */
    static Ticket shownToOthers(Ticket ticket, Set<Long> privateGoals) {
        return privateGoals.contains(ticket.id()) ? withoutGoal(ticket) : ticket;
    }

    private static Ticket withoutGoal(Ticket ticket) {
        return new Ticket(ticket.id(), ticket.learner(), ticket.topic(), null, ticket.status(), ticket.createdAt());
    }

    Optional<Ticket> ticket(long id) {
        return handle.createQuery("SELECT * FROM ticket WHERE id = :id").bind("id", id).mapTo(Ticket.class).findOne();
    }

    Optional<Instant> doneAt(long ticketId) {
        return handle.createQuery("SELECT closed_at FROM ticket WHERE id = :id AND status = 'DONE'")
                .bind("id", ticketId).mapTo(Instant.class).findOne();
    }

    Optional<Ticket> openTicket(PersonId learner, String topic) {
        return handle.createQuery("""
                        SELECT * FROM ticket WHERE learner_id = :learner AND topic = :topic
                        AND status IN ('WAITING', 'PROPOSED', 'MATCHED')""")
                .bind("learner", learner).bind("topic", topic).mapTo(Ticket.class).findFirst();
    }

    List<Ticket> openTicketsOf(PersonId learner) {
        return handle.createQuery("""
                        SELECT * FROM ticket WHERE learner_id = :learner
                        AND status IN ('WAITING', 'PROPOSED', 'MATCHED') ORDER BY id""")
                .bind("learner", learner).mapTo(Ticket.class).list();
    }

    void setTicketStatus(long id, TicketStatus status, Instant now) {
        handle.createUpdate("UPDATE ticket SET status = :status, closed_at = :closedAt WHERE id = :id")
                .bind("status", status.name())
                .bindByType("closedAt", status.isOpen() ? null : now, Instant.class)
                .bind("id", id).execute();
    }

    List<Ticket> waitingTickets(String topic, int limit) {
        return handle.createQuery("""
                        SELECT * FROM ticket WHERE topic = :topic AND status = 'WAITING'
                        ORDER BY created_at, id LIMIT :limit""")
                .bind("topic", topic).bind("limit", limit).mapTo(Ticket.class).list();
    }

    /** The oldest waiting tickets of each of these topics, at most {@code perTopic} each, in one query. */
    Map<String, List<Ticket>> waitingTickets(Collection<String> topics, int perTopic) {
        Map<String, List<Ticket>> waiting = new LinkedHashMap<>();
        if (topics.isEmpty()) {
            return waiting;
        }
        handle.createQuery("""
                        SELECT * FROM (
                            SELECT t.*, ROW_NUMBER() OVER (PARTITION BY topic ORDER BY created_at, id) AS place
                            FROM ticket t WHERE status = 'WAITING' AND topic IN (<topics>)) ranked
                        WHERE place <= :perTopic ORDER BY topic, place""")
                .bindList("topics", List.copyOf(topics)).bind("perTopic", perTopic)
                .mapTo(Ticket.class)
                .forEach(ticket -> waiting.computeIfAbsent(ticket.topic(), t -> new ArrayList<>()).add(ticket));
        return waiting;
    }

    /** Topics people wait for, most wanted first, with how many wait. */
    Map<String, Integer> demand(Optional<String> topic, int limit) {
        Map<String, Integer> demand = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT topic, COUNT(*) AS waiting FROM ticket
                        WHERE status = 'WAITING' AND (:topic IS NULL OR topic = :topic)
                        GROUP BY topic ORDER BY waiting DESC, topic LIMIT :limit""")
                .bindByType("topic", topic.orElse(null), String.class).bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getString("topic"), rs.getInt("waiting")))
                .forEach(e -> demand.put(e.getKey(), e.getValue()));
        return demand;
    }

    /** Topics someone teaches or wants to learn now, containing {@code typed}, alphabetically: form suggestions. */
    List<String> knownTopics(String typed, int limit) {
        return handle.createQuery("""
                        SELECT topic FROM teaching_offer WHERE stopped_at IS NULL AND topic LIKE :pattern ESCAPE '!'
                        UNION SELECT topic FROM ticket WHERE status = 'WAITING' AND topic LIKE :pattern ESCAPE '!'
                        ORDER BY topic LIMIT :limit""")
                .bind("pattern", "%" + typed.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .bind("limit", limit).mapTo(String.class).list();
    }

    // --- teaching offers

    Optional<Offer> offer(PersonId teacher, String topic) {
        return handle.createQuery("SELECT * FROM teaching_offer WHERE teacher_id = :teacher AND topic = :topic")
                .bind("teacher", teacher).bind("topic", topic).mapTo(Offer.class).findOne();
    }

    List<Offer> activeOffersOf(PersonId teacher) {
        return handle.createQuery("""
                        SELECT * FROM teaching_offer WHERE teacher_id = :teacher AND stopped_at IS NULL ORDER BY topic""")
                .bind("teacher", teacher).mapTo(Offer.class).list();
    }

    void insertOffer(PersonId teacher, String topic, int capacity, Long learnedTicketId, Instant now) {
        handle.createUpdate("""
                        INSERT INTO teaching_offer (teacher_id, topic, capacity, learned_ticket_id, created_at)
                        VALUES (:teacher, :topic, :capacity, :learned, :now)""")
                .bind("teacher", teacher).bind("topic", topic).bind("capacity", capacity)
                .bindByType("learned", learnedTicketId, Long.class).bind("now", now).execute();
    }

    /** Offers again a topic once stopped; a graduation is recorded only if none was before. */
    void reactivateOffer(long offerId, int capacity, Long learnedTicketId) {
        handle.createUpdate("""
                        UPDATE teaching_offer SET stopped_at = NULL, paused_at = NULL, capacity = :capacity,
                               learned_ticket_id = COALESCE(learned_ticket_id, :learned)
                        WHERE id = :id""")
                .bind("capacity", capacity).bindByType("learned", learnedTicketId, Long.class)
                .bind("id", offerId).execute();
    }

    void setCapacity(long offerId, int capacity) {
        handle.createUpdate("UPDATE teaching_offer SET capacity = :capacity WHERE id = :id")
                .bind("capacity", capacity).bind("id", offerId).execute();
    }

    void stopOffer(long offerId, Instant now) {
        handle.createUpdate("UPDATE teaching_offer SET stopped_at = :now WHERE id = :id")
                .bind("now", now).bind("id", offerId).execute();
    }

    /** Pauses (a time) or resumes (null) every active offer of a teacher; returns how many changed. */
    int setPaused(PersonId teacher, Instant pausedAt) {
        return handle.createUpdate("""
                        UPDATE teaching_offer SET paused_at = :pausedAt
                        WHERE teacher_id = :teacher AND stopped_at IS NULL
                        AND (paused_at IS NULL) = (:pausedAt IS NOT NULL)""")
                .bindByType("pausedAt", pausedAt, Instant.class).bind("teacher", teacher).execute();
    }

    void markProposed(long offerId, Instant now) {
        handle.createUpdate("UPDATE teaching_offer SET last_proposed_at = :now WHERE id = :id")
                .bind("now", now).bind("id", offerId).execute();
    }

    /** Everyone offering the topic now, with their load and whether they already ran a pair with this learner. */
    List<Candidate> candidates(String topic, PersonId learner) {
        return handle.createQuery("""
                        SELECT o.id AS offer_id, o.teacher_id, o.capacity, o.last_proposed_at,
                               o.created_at AS offered_at, p.time_zone AS zone,
                               (SELECT COUNT(*) FROM mentorship_match m
                                 WHERE m.teacher_id = o.teacher_id AND m.topic = o.topic
                                   AND m.status IN %s) AS load,
                               EXISTS (SELECT 1 FROM mentorship_match m
                                 WHERE m.teacher_id = o.teacher_id AND m.learner_id = :learner
                                   AND m.topic = o.topic AND m.status NOT IN ('EXPIRED', 'WITHDRAWN')) AS paired_before
                        FROM teaching_offer o JOIN person p ON p.id = o.teacher_id
                        WHERE o.topic = :topic AND o.stopped_at IS NULL AND o.paused_at IS NULL""".formatted(ACTIVE_MATCH))
                .bind("topic", topic).bind("learner", learner)
                .mapTo(Candidate.class).list();
    }

    boolean anyTeacherHasRoom(String topic) {
        return handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM teaching_offer o
                          WHERE o.topic = :topic AND o.stopped_at IS NULL AND o.paused_at IS NULL
                            AND o.capacity > (SELECT COUNT(*) FROM mentorship_match m
                                WHERE m.teacher_id = o.teacher_id AND m.topic = o.topic AND m.status IN %s))"""
                        .formatted(ACTIVE_MATCH))
                .bind("topic", topic).mapTo(Boolean.class).one();
    }

    int load(PersonId teacher, String topic) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM mentorship_match
                        WHERE teacher_id = :teacher AND topic = :topic AND status IN %s""".formatted(ACTIVE_MATCH))
                .bind("teacher", teacher).bind("topic", topic).mapTo(Integer.class).one();
    }

    // --- matches

    long insertMatch(Ticket ticket, PersonId teacher, MatchStatus status, Instant now, Instant answerDueAt) {
        return handle.createQuery("""
                        INSERT INTO mentorship_match
                            (ticket_id, learner_id, teacher_id, topic, status, proposed_at, answer_due_at, answered_at)
                        VALUES (:ticket, :learner, :teacher, :topic, :status, :now, :due, :answeredAt) RETURNING id""")
                .bind("ticket", ticket.id()).bind("learner", ticket.learner())
                .bind("teacher", teacher).bind("topic", ticket.topic()).bind("status", status.name())
                .bind("now", now).bindByType("due", answerDueAt, Instant.class)
                .bindByType("answeredAt", status == MatchStatus.PROPOSED ? null : now, Instant.class)
                .mapTo(Long.class).one();
    }

    Optional<Match> match(long id) {
        return handle.createQuery("SELECT * FROM mentorship_match WHERE id = :id").bind("id", id).mapTo(Match.class).findOne();
    }

    Optional<Match> activeMatch(long ticketId) {
        return handle.createQuery("SELECT * FROM mentorship_match WHERE ticket_id = :ticket AND status IN "
                        + ACTIVE_MATCH)
                .bind("ticket", ticketId).mapTo(Match.class).findFirst();
    }

    /** Proposals and running matches a person is in, as teacher or learner, oldest first. */
    List<Match> activeMatchesOf(PersonId person) {
        return handle.createQuery("SELECT * FROM mentorship_match WHERE (teacher_id = :person OR learner_id = :person)"
                        + " AND status IN " + ACTIVE_MATCH + " ORDER BY id")
                .bind("person", person).mapTo(Match.class).list();
    }

    void setProposalMessage(long matchId, long outboxId) {
        handle.createUpdate("UPDATE mentorship_match SET proposal_message_id = :message WHERE id = :id")
                .bind("message", outboxId).bind("id", matchId).execute();
    }

    void answer(long matchId, MatchStatus status, Instant now) {
        handle.createUpdate("UPDATE mentorship_match SET status = :status, answered_at = :now WHERE id = :id")
                .bind("status", status.name()).bind("now", now).bind("id", matchId).execute();
    }

    void end(long matchId, MatchStatus status, Instant now) {
        handle.createUpdate("UPDATE mentorship_match SET status = :status, ended_at = :now WHERE id = :id")
                .bind("status", status.name()).bind("now", now).bind("id", matchId).execute();
    }

    /** Matches this teacher ever took on (accepted, then perhaps finished or cancelled). */
    int acceptedMatchesOf(PersonId teacher) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM mentorship_match
                        WHERE teacher_id = :teacher AND status IN ('ACCEPTED', 'DONE', 'CANCELLED', 'RELEASED')""")
                .bind("teacher", teacher).mapTo(Integer.class).one();
    }
}
