package dev.guildhall.insights;

import dev.guildhall.core.PersonId;
import dev.guildhall.insights.History.MatchRow;
import dev.guildhall.insights.History.OfferRow;
import dev.guildhall.insights.History.SessionRow;
import dev.guildhall.insights.History.TicketRow;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads what insights need from the other capabilities' tables, and keeps insights' own two tables. */
final class InsightsStore {
    private final Handle handle;

    InsightsStore(Handle handle) {
        this.handle = handle;
    }

    private record StoredFlag(long sessionId, Instant raisedAt) {
    }

    private record StoredSession(long id, String title, Optional<String> channelId, PersonId presenter,
                                 Instant startedAt, Optional<Instant> endedAt) {
    }

    History history() {
        List<TicketRow> tickets = handle.createQuery(
                        "SELECT id, learner_id, topic, status, created_at FROM ticket ORDER BY id")
                .mapTo(TicketRow.class).list();
        List<MatchRow> matches = handle.createQuery("""
                        SELECT id, ticket_id, learner_id, teacher_id, topic, status, answer_due_at IS NOT NULL AS proposal,
                               answered_at
                        FROM mentorship_match ORDER BY id""")
                .mapTo(MatchRow.class).list();
        List<OfferRow> offers = handle.createQuery("""
                        SELECT teacher_id, topic, (paused_at IS NULL AND stopped_at IS NULL) AS active, learned_ticket_id
                        FROM teaching_offer ORDER BY id""")
                .mapTo(OfferRow.class).list();
        Map<Long, List<Instant>> flags = new HashMap<>();
        handle.createQuery("SELECT session_id, raised_at FROM wait_flag ORDER BY raised_at")
                .mapTo(StoredFlag.class)
                .forEach(flag -> flags.computeIfAbsent(flag.sessionId(), k -> new ArrayList<>()).add(flag.raisedAt()));
        Map<Long, Integer> questions = new HashMap<>();
        handle.createQuery("""
                        SELECT session_id, COUNT(*) AS asked FROM wait_question WHERE removed_at IS NULL
                        GROUP BY session_id""")
                .map((rs, ctx) -> Map.entry(rs.getLong("session_id"), rs.getInt("asked")))
                .forEach(e -> questions.put(e.getKey(), e.getValue()));
        List<SessionRow> sessions = handle.createQuery("""
                        SELECT id, title, channel_id, presenter_id, started_at, ended_at FROM live_session ORDER BY id""")
                .mapTo(StoredSession.class)
                .map(session -> new SessionRow(session.id(), session.title(), session.channelId(), session.presenter(),
                        session.startedAt(), session.endedAt(), List.copyOf(flags.getOrDefault(session.id(), List.of())),
                        questions.getOrDefault(session.id(), 0)))
                .list();
        Map<PersonId, String> names = new HashMap<>();
        handle.createQuery("""
                        SELECT id, display_name FROM person WHERE id IN (SELECT learner_id FROM ticket)
                        OR id IN (SELECT teacher_id FROM teaching_offer) OR id IN (SELECT teacher_id FROM mentorship_match)
                        OR id IN (SELECT speaker_id FROM meetup)""")
                .map((rs, ctx) -> Map.entry(new PersonId(rs.getString("id")), rs.getString("display_name")))
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return new History(tickets, matches, offers, sessions, names);
    }

    // --- guild scope

    Set<PersonId> members(long guildId) {
        return Set.copyOf(handle.createQuery("SELECT person_id FROM guild_member WHERE guild_id = :guild")
                .bind("guild", guildId).mapTo(PersonId.class).list());
    }

    List<PersonId> leads(long guildId) {
        return handle.createQuery("""
                        SELECT person_id FROM guild_member WHERE guild_id = :guild AND role = 'LEAD' ORDER BY person_id""")
                .bind("guild", guildId).mapTo(PersonId.class).list();
    }

    boolean isLead(long guildId, PersonId person) {
        return leads(guildId).contains(person);
    }

    Set<String> syllabusTopics(long guildId) {
        return Set.copyOf(handle.createQuery("SELECT topic FROM syllabus_module WHERE guild_id = :guild")
                .bind("guild", guildId).mapTo(String.class).list());
    }

    /** Reach of one guild, or of every guild when {@code guildId} is empty. */
    Reach reach(Optional<Long> guildId, Instant now) {
        Long guild = guildId.orElse(null);
        String inGuild = "(:guild IS NULL OR guild_id = :guild)";
        int members = handle.createQuery("SELECT COUNT(DISTINCT person_id) FROM guild_member WHERE " + inGuild)
                .bindByType("guild", guild, Long.class).mapTo(Integer.class).one();
        int announcements = handle.createQuery("SELECT COUNT(*) FROM announcement WHERE " + inGuild)
                .bindByType("guild", guild, Long.class).mapTo(Integer.class).one();
        Map<String, Integer> byStatus = new HashMap<>();
        handle.createQuery("""
                        SELECT o.status, COUNT(*) AS n FROM outbox o
                        JOIN announcement a ON a.batch_id = o.batch_id
                        WHERE (:guild IS NULL OR a.guild_id = :guild) GROUP BY o.status""")
                .bindByType("guild", guild, Long.class)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        int deliveries = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        int pastMeetups = handle.createQuery(
                        "SELECT COUNT(*) FROM meetup WHERE status = 'SCHEDULED' AND starts_at <= :now AND " + inGuild)
                .bindByType("guild", guild, Long.class).bind("now", now).mapTo(Integer.class).one();
        int going = handle.createQuery("""
                        SELECT COUNT(*) FROM meetup_rsvp r JOIN meetup m ON m.id = r.meetup_id
                        WHERE r.answer = 'GOING' AND m.status = 'SCHEDULED' AND m.starts_at <= :now
                        AND (:guild IS NULL OR m.guild_id = :guild)""")
                .bindByType("guild", guild, Long.class).bind("now", now).mapTo(Integer.class).one();
        Map<PersonId, Integer> talks = new LinkedHashMap<>();
        handle.createQuery("SELECT speaker_id, COUNT(*) AS talks FROM meetup"
                        + " WHERE speaker_id IS NOT NULL AND status = 'SCHEDULED' AND " + inGuild
                        + " GROUP BY speaker_id ORDER BY talks DESC, speaker_id")
                .bindByType("guild", guild, Long.class)
                .map((rs, ctx) -> Map.entry(new PersonId(rs.getString("speaker_id")), rs.getInt("talks")))
                .forEach(e -> talks.put(e.getKey(), e.getValue()));
        return new Reach(members, announcements, deliveries, byStatus.getOrDefault("DELIVERED", 0),
                byStatus.getOrDefault("FAILED", 0), pastMeetups, going, talks);
    }

    // --- left-out notices

    /**
     * Open tickets waiting longer than {@code after} that never had a teacher say yes and whose learner was not told
     * yet: the same rule as {@link Insights}, in SQL so the daily round need not read the whole history.
     */
    List<Report.LeftOut> leftOutUntold(Instant now, java.time.Duration after) {
        return handle.createQuery("""
                        SELECT t.id, t.learner_id, t.topic, t.created_at FROM ticket t
                        WHERE t.status IN ('WAITING', 'PROPOSED') AND t.created_at < :before
                        AND NOT EXISTS (SELECT 1 FROM insights_left_out_notice n WHERE n.ticket_id = t.id)
                        AND NOT EXISTS (SELECT 1 FROM mentorship_match m WHERE m.ticket_id = t.id
                                        AND m.status IN ('ACCEPTED', 'DONE', 'CANCELLED', 'RELEASED') AND m.answered_at IS NOT NULL)
                        ORDER BY t.id""")
                .bind("before", now.minus(after))
                .map((rs, ctx) -> new Report.LeftOut(rs.getLong("id"), new PersonId(rs.getString("learner_id")),
                        rs.getString("topic"), java.time.Duration.between(Instant.ofEpochMilli(rs.getLong("created_at")),
                        now)))
                .list();
    }

    boolean toldLeftOut(long ticketId) {
        return handle.createQuery("SELECT COUNT(*) FROM insights_left_out_notice WHERE ticket_id = :ticket")
                .bind("ticket", ticketId).mapTo(Integer.class).one() > 0;
    }

    void markToldLeftOut(long ticketId, Instant now) {
        handle.createUpdate("""
                        INSERT INTO insights_left_out_notice (ticket_id, sent_at) VALUES (:ticket, :now)
                        ON CONFLICT (ticket_id) DO NOTHING""")
                .bind("ticket", ticketId).bind("now", now).execute();
    }

    // --- weekly digest

    record Digest(long id, long guildId, PersonId lead, boolean stopped) {
    }

    private static final String DIGEST = """
            SELECT id, guild_id, person_id AS lead, stopped_at IS NOT NULL AS stopped FROM insights_digest""";

    Optional<Digest> digest(long id) {
        return handle.createQuery(DIGEST + " WHERE id = :id").bind("id", id).mapTo(Digest.class).findOne();
    }

    Optional<Digest> digest(long guildId, PersonId lead) {
        return handle.createQuery(DIGEST + " WHERE guild_id = :guild AND person_id = :person")
                .bind("guild", guildId).bind("person", lead).mapTo(Digest.class).findOne();
    }

    long insertDigest(long guildId, PersonId lead, Instant now) {
        return handle.createQuery("""
                        INSERT INTO insights_digest (guild_id, person_id, created_at) VALUES (:guild, :person, :now)
                        RETURNING id""")
                .bind("guild", guildId).bind("person", lead).bind("now", now)
                .mapTo(Long.class).one();
    }

    /** Empty when the lead already has a row for the guild (on, or turned off). */
    Optional<Long> insertDigestUnlessPresent(long guildId, PersonId lead, Instant now) {
        return handle.createQuery("""
                        INSERT INTO insights_digest (guild_id, person_id, created_at) VALUES (:guild, :person, :now)
                        ON CONFLICT (guild_id, person_id) DO NOTHING
                        RETURNING id""")
                .bind("guild", guildId).bind("person", lead.value()).bind("now", now)
                .mapTo(Long.class).findOne();
    }

    void setDigestStopped(long id, Instant stoppedAt) {
        handle.createUpdate("UPDATE insights_digest SET stopped_at = :at WHERE id = :id")
                .bindByType("at", stoppedAt, Instant.class).bind("id", id).execute();
    }

    void markDigestSent(long id, Instant now) {
        handle.createUpdate("UPDATE insights_digest SET last_sent_at = :now WHERE id = :id")
                .bind("now", now).bind("id", id).execute();
    }

    // --- charts to draw

    record ChartRequest(long id, Optional<Long> guildId, PersonId viewer) {
    }

    long insertChartRequest(Optional<Long> guildId, PersonId viewer, Instant now) {
        return handle.createQuery("""
                        INSERT INTO insights_chart_request (guild_id, viewer, created_at) VALUES (:guild, :viewer, :now)
                        RETURNING id""")
                .bindByType("guild", guildId.orElse(null), Long.class).bind("viewer", viewer).bind("now", now)
                .mapTo(Long.class).one();
    }

    Optional<ChartRequest> takeChartRequest(long id) {
        Optional<ChartRequest> request = handle.createQuery("SELECT * FROM insights_chart_request WHERE id = :id")
                .bind("id", id).mapTo(ChartRequest.class).findOne();
        handle.createUpdate("DELETE FROM insights_chart_request WHERE id = :id").bind("id", id).execute();
        return request;
    }

    Optional<String> guildSlug(long guildId) {
        return handle.createQuery("SELECT slug FROM guild WHERE id = :id").bind("id", guildId)
                .mapTo(String.class).findOne();
    }
}
