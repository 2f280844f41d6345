package dev.guildhall.programme;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Json;
import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Programmes, cohorts, check questions, rounds, answers and gaps, inside one transaction. */
final class ProgrammeStore {
    record Programme(long id, String slug, long guildId, String title) {
    }

    record ProgrammeModule(long moduleId, int position, String topic) {
    }

    record Cohort(long id, long programmeId, LocalDate startsOn, ChannelId channel) {
    }

    /** When one module of a cohort is presented. */
    record SlotTime(long id, long cohortId, long moduleId, Instant startsAt) {
    }

    record Slot(long moduleId, PersonId presenter) {
    }

    record Question(long id, long moduleId, String text, String rightAnswer, String wrongJson, String explain) {
        List<String> wrong() {
            return Arrays.asList(Json.read(wrongJson, String[].class));
        }
    }

    record Objective(long id, long moduleId, String text) {
    }

    record Round(long id, long moduleId, PersonId person, boolean firstTry, String questionsJson,
                 String objectivesJson, int position, Instant sentAt, Instant finishedAt) {
        List<Long> questions() {
            return Arrays.stream(Json.read(questionsJson, long[].class)).boxed().toList();
        }

        List<Long> objectives() {
            return Arrays.stream(Json.read(objectivesJson, long[].class)).boxed().toList();
        }

        int steps() {
            return questions().size() + objectives().size();
        }

        boolean finished() {
            return finishedAt != null;
        }
    }

    record Gap(long id, PersonId person, long moduleId, long questionId, long roundId, Instant openedAt,
               int rightCount, String action, Instant recheckDue, Long ticketId, Instant closedAt, String closedBy) {
        boolean open() {
            return closedAt == null;
        }
    }

    /** How a question fared on first tries: how many answered it, how many got it wrong. */
    record Tally(long questionId, int answered, int missed) {
    }

    private final Handle handle;

    ProgrammeStore(Handle handle) {
        this.handle = handle;
    }

    // Programmes and cohorts

    long insertProgramme(String slug, long guildId, String title, PersonId creator, Instant now) {
        return handle.createQuery("""
                        INSERT INTO programme (slug, guild_id, title, created_by, created_at)
                        VALUES (:slug, :guild, :title, :creator, :now) RETURNING id""")
                .bind("slug", slug).bind("guild", guildId).bind("title", title).bind("creator", creator)
                .bind("now", now).mapTo(Long.class).one();
    }

    Optional<Programme> programme(String slug) {
        return handle.createQuery("SELECT id, slug, guild_id, title FROM programme WHERE slug = :slug")
                .bind("slug", slug).mapTo(Programme.class).findOne();
    }

    Optional<Programme> programme(long id) {
        return handle.createQuery("SELECT id, slug, guild_id, title FROM programme WHERE id = :id")
                .bind("id", id).mapTo(Programme.class).findOne();
    }

    void addModule(long programmeId, long moduleId, String topic) {
        handle.createUpdate("""
                        INSERT INTO programme_module (programme_id, module_id, position, topic)
                        VALUES (:programme, :module,
                                (SELECT COALESCE(MAX(position), 0) + 1 FROM programme_module
                                 WHERE programme_id = :programme), :topic)""")
                .bind("programme", programmeId).bind("module", moduleId).bind("topic", topic).execute();
    }

    List<ProgrammeModule> modules(long programmeId) {
        return handle.createQuery("""
                        SELECT module_id, position, topic FROM programme_module
                        WHERE programme_id = :programme ORDER BY position""")
                .bind("programme", programmeId).mapTo(ProgrammeModule.class).list();
    }

    /** The topic to find a mentor by: the one a programme gave the module, else the syllabus's. */
    Optional<String> topicOf(long moduleId) {
        return handle.createQuery("SELECT topic FROM programme_module WHERE module_id = :module ORDER BY programme_id")
                .bind("module", moduleId).mapTo(String.class).findFirst();
    }

    long insertCohort(long programmeId, LocalDate startsOn, ChannelId channel, PersonId by, Instant now) {
        return handle.createQuery("""
                        INSERT INTO cohort (programme_id, starts_on, channel_id, started_by, created_at)
                        VALUES (:programme, :startsOn, :channel, :by, :now) RETURNING id""")
                .bind("programme", programmeId).bind("startsOn", startsOn)
                .bindByType("channel", channel, ChannelId.class).bind("by", by).bind("now", now)
                .mapTo(Long.class).one();
    }

    Optional<Cohort> latestCohort(long programmeId) {
        return handle.createQuery("""
                        SELECT id, programme_id, starts_on, channel_id AS channel FROM cohort
                        WHERE programme_id = :programme ORDER BY id DESC LIMIT 1""")
                .bind("programme", programmeId).mapTo(Cohort.class).findOne();
    }

    List<Cohort> cohorts(long programmeId) {
        return handle.createQuery("""
                        SELECT id, programme_id, starts_on, channel_id AS channel FROM cohort
                        WHERE programme_id = :programme ORDER BY id""")
                .bind("programme", programmeId).mapTo(Cohort.class).list();
    }

    boolean join(long cohortId, PersonId person, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO cohort_member (cohort_id, person_id, joined_at) VALUES (:cohort, :person, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("cohort", cohortId).bind("person", person).bind("now", now).execute() == 1;
    }

    List<PersonId> members(long cohortId) {
        return handle.createQuery("SELECT person_id FROM cohort_member WHERE cohort_id = :cohort ORDER BY joined_at, person_id")
                .bind("cohort", cohortId).mapTo(PersonId.class).list();
    }

    /** Everyone in a cohort of a programme that has the module who has not had its check yet, each once. */
    List<PersonId> participantsWithoutFirstTry(long moduleId) {
        return handle.createQuery("""
                        SELECT DISTINCT m.person_id FROM cohort_member m
                        JOIN cohort c ON c.id = m.cohort_id
                        JOIN programme_module pm ON pm.programme_id = c.programme_id
                        WHERE pm.module_id = :module
                          AND NOT EXISTS (SELECT 1 FROM check_round r WHERE r.module_id = :module
                                          AND r.person_id = m.person_id AND r.first_try = 1)
                        ORDER BY m.person_id""")
                .bind("module", moduleId).mapTo(PersonId.class).list();
    }

    /** The cohorts a person is in, newest first. */
    List<Cohort> cohortsOf(PersonId person) {
        return handle.createQuery("""
                        SELECT c.id, c.programme_id, c.starts_on, c.channel_id AS channel FROM cohort c
                        JOIN cohort_member m ON m.cohort_id = c.id WHERE m.person_id = :person ORDER BY c.id DESC""")
                .bind("person", person).mapTo(Cohort.class).list();
    }

    void setSlot(long cohortId, long moduleId, PersonId presenter) {
        handle.createUpdate("""
                        INSERT INTO cohort_slot (cohort_id, module_id, presenter_id) VALUES (:cohort, :module, :presenter)""")
                .bind("cohort", cohortId).bind("module", moduleId)
                .bindByType("presenter", presenter, PersonId.class).execute();
    }

    long insertSlotTime(long cohortId, long moduleId, Instant startsAt) {
        return handle.createQuery("""
                        INSERT INTO cohort_slot_time (cohort_id, module_id, starts_at) VALUES (:cohort, :module, :at)
                        RETURNING id""")
                .bind("cohort", cohortId).bind("module", moduleId).bind("at", startsAt).mapTo(Long.class).one();
    }

    Optional<SlotTime> slotTime(long id) {
        return handle.createQuery("SELECT id, cohort_id, module_id, starts_at FROM cohort_slot_time WHERE id = :id")
                .bind("id", id).mapTo(SlotTime.class).findOne();
    }

    Optional<SlotTime> slotTime(long cohortId, long moduleId) {
        return handle.createQuery("""
                        SELECT id, cohort_id, module_id, starts_at FROM cohort_slot_time
                        WHERE cohort_id = :cohort AND module_id = :module""")
                .bind("cohort", cohortId).bind("module", moduleId).mapTo(SlotTime.class).findOne();
    }

    void moveSlotTime(long id, Instant startsAt) {
        handle.createUpdate("UPDATE cohort_slot_time SET starts_at = :at WHERE id = :id")
                .bind("at", startsAt).bind("id", id).execute();
    }

    Optional<PersonId> presenter(long cohortId, long moduleId) {
        return handle.createQuery("""
                        SELECT presenter_id FROM cohort_slot WHERE cohort_id = :cohort AND module_id = :module
                        AND presenter_id IS NOT NULL""")
                .bind("cohort", cohortId).bind("module", moduleId).mapTo(PersonId.class).findOne();
    }

    Optional<Cohort> cohort(long id) {
        return handle.createQuery("SELECT id, programme_id, starts_on, channel_id AS channel FROM cohort WHERE id = :id")
                .bind("id", id).mapTo(Cohort.class).findOne();
    }

    List<Slot> slots(long cohortId) {
        return handle.createQuery("""
                        SELECT s.module_id, s.presenter_id AS presenter FROM cohort_slot s
                        JOIN cohort c ON c.id = s.cohort_id
                        JOIN programme_module pm ON pm.programme_id = c.programme_id AND pm.module_id = s.module_id
                        WHERE s.cohort_id = :cohort ORDER BY pm.position""")
                .bind("cohort", cohortId).mapTo(Slot.class).list();
    }

    int slotsPresentedBy(PersonId presenter) {
        return handle.createQuery("SELECT COUNT(*) FROM cohort_slot WHERE presenter_id = :presenter")
                .bind("presenter", presenter).mapTo(Integer.class).one();
    }

    boolean presents(PersonId person, long moduleId) {
        return handle.createQuery("SELECT COUNT(*) FROM cohort_slot WHERE presenter_id = :person AND module_id = :module")
                .bind("person", person).bind("module", moduleId).mapTo(Integer.class).one() > 0;
    }

    // Questions and objectives

    long insertQuestion(long moduleId, String text, String right, List<String> wrong, String explain, PersonId by,
                        Instant now) {
        return handle.createQuery("""
                        INSERT INTO check_question (module_id, text, right_answer, wrong_json, explain, created_by,
                                                    created_at)
                        VALUES (:module, :text, :right, :wrong, :explain, :by, :now) RETURNING id""")
                .bind("module", moduleId).bind("text", text).bind("right", right).bind("wrong", Json.write(wrong))
                .bindByType("explain", explain, String.class).bind("by", by).bind("now", now)
                .mapTo(Long.class).one();
    }

    List<Question> questions(long moduleId) {
        return handle.createQuery("""
                        SELECT id, module_id, text, right_answer, wrong_json, explain FROM check_question
                        WHERE module_id = :module AND removed_at IS NULL ORDER BY id""")
                .bind("module", moduleId).mapTo(Question.class).list();
    }

    Optional<Question> question(long id) {
        return handle.createQuery("""
                        SELECT id, module_id, text, right_answer, wrong_json, explain FROM check_question WHERE id = :id""")
                .bind("id", id).mapTo(Question.class).findOne();
    }

    void removeQuestion(long id, Instant now) {
        handle.createUpdate("UPDATE check_question SET removed_at = :now WHERE id = :id")
                .bind("id", id).bind("now", now).execute();
    }

    long insertObjective(long moduleId, String text, PersonId by, Instant now) {
        return handle.createQuery("""
                        INSERT INTO check_objective (module_id, text, created_by, created_at)
                        VALUES (:module, :text, :by, :now) RETURNING id""")
                .bind("module", moduleId).bind("text", text).bind("by", by).bind("now", now)
                .mapTo(Long.class).one();
    }

    List<Objective> objectives(long moduleId) {
        return handle.createQuery("""
                        SELECT id, module_id, text FROM check_objective
                        WHERE module_id = :module AND removed_at IS NULL ORDER BY id""")
                .bind("module", moduleId).mapTo(Objective.class).list();
    }

    Optional<Objective> objective(long id) {
        return handle.createQuery("SELECT id, module_id, text FROM check_objective WHERE id = :id")
                .bind("id", id).mapTo(Objective.class).findOne();
    }

    // Rounds, answers, ratings

    Round insertRound(long moduleId, PersonId person, boolean firstTry, List<Long> questions, List<Long> objectives,
                      Instant now) {
        return handle.createQuery("""
                        INSERT INTO check_round (module_id, person_id, first_try, questions_json, objectives_json,
                                                 position, sent_at)
                        VALUES (:module, :person, :firstTry, :questions, :objectives, 0, :now)
                        RETURNING id, module_id, person_id AS person, first_try, questions_json, objectives_json,
                                  position, sent_at, finished_at""")
                .bind("module", moduleId).bind("person", person).bind("firstTry", firstTry ? 1 : 0)
                .bind("questions", Json.write(questions)).bind("objectives", Json.write(objectives)).bind("now", now)
                .mapTo(Round.class).one();
    }

    private static final String ROUND_COLUMNS = """
            SELECT id, module_id, person_id AS person, first_try, questions_json, objectives_json, position, sent_at,
                   finished_at FROM check_round""";

    Optional<Round> round(long id) {
        return handle.createQuery(ROUND_COLUMNS + " WHERE id = :id")
                .bind("id", id).mapTo(Round.class).findOne();
    }

    Optional<Round> firstTry(long moduleId, PersonId person) {
        return handle.createQuery(ROUND_COLUMNS
                        + " WHERE module_id = :module AND person_id = :person AND first_try = 1 ORDER BY id LIMIT 1")
                .bind("module", moduleId).bind("person", person).mapTo(Round.class).findOne();
    }

    /**
     * Moves a round on by one step, only from the step the button was made for: a second press of the same button
     * (or of an older one) changes nothing.
     */
    boolean advance(long roundId, int from, Instant now, boolean last) {
        return handle.createUpdate("""
                        UPDATE check_round SET position = position + 1, finished_at = :finishedAt
                        WHERE id = :id AND position = :from AND finished_at IS NULL""")
                .bind("id", roundId).bind("from", from)
                .bindByType("finishedAt", last ? now : null, Instant.class)
                .execute() == 1;
    }

    void insertAnswer(long roundId, long questionId, boolean correct, Instant now) {
        handle.createUpdate("""
                        INSERT INTO check_answer (round_id, question_id, correct, answered_at)
                        VALUES (:round, :question, :correct, :now)""")
                .bind("round", roundId).bind("question", questionId).bind("correct", correct ? 1 : 0)
                .bind("now", now).execute();
    }

    /** The questions of a round answered wrong, in the order they were asked. */
    List<Long> missed(long roundId) {
        return handle.createQuery("""
                        SELECT a.question_id FROM check_answer a WHERE a.round_id = :round AND a.correct = 0
                        ORDER BY a.answered_at, a.question_id""")
                .bind("round", roundId).mapTo(Long.class).list();
    }

    List<Long> answeredRight(long roundId) {
        return handle.createQuery("SELECT question_id FROM check_answer WHERE round_id = :round AND correct = 1")
                .bind("round", roundId).mapTo(Long.class).list();
    }

    void insertRating(long roundId, long objectiveId, int rating) {
        handle.createUpdate("""
                        INSERT INTO check_rating (round_id, objective_id, rating) VALUES (:round, :objective, :rating)""")
                .bind("round", roundId).bind("objective", objectiveId).bind("rating", rating).execute();
    }

    /** First-try answers per question of a module (current questions only). */
    List<Tally> tallies(long moduleId) {
        return handle.createQuery("""
                        SELECT q.id AS question_id,
                               (SELECT COUNT(*) FROM check_answer a JOIN check_round r ON r.id = a.round_id
                                 WHERE a.question_id = q.id AND r.first_try = 1) AS answered,
                               (SELECT COUNT(*) FROM check_answer a JOIN check_round r ON r.id = a.round_id
                                 WHERE a.question_id = q.id AND r.first_try = 1 AND a.correct = 0) AS missed
                        FROM check_question q WHERE q.module_id = :module AND q.removed_at IS NULL ORDER BY q.id""")
                .bind("module", moduleId).mapTo(Tally.class).list();
    }

    /** How many rated an objective each way: index 0 not yet, 1 mostly, 2 could explain it. */
    int[] ratings(long objectiveId) {
        int[] counts = new int[3];
        handle.createQuery("SELECT rating, COUNT(*) AS n FROM check_rating WHERE objective_id = :objective GROUP BY rating")
                .bind("objective", objectiveId)
                .map((rs, ctx) -> counts[rs.getInt("rating")] = rs.getInt("n")).list();
        return counts;
    }

    /** Sent and finished first tries of a module. */
    int[] completion(long moduleId) {
        return handle.createQuery("""
                        SELECT COUNT(*) AS sent, COUNT(finished_at) AS finished FROM check_round
                        WHERE module_id = :module AND first_try = 1""")
                .bind("module", moduleId)
                .map((rs, ctx) -> new int[] {rs.getInt("sent"), rs.getInt("finished")}).one();
    }

    /** Per member of a cohort, how many of these modules' checks they finished at the first try (none: left out). */
    Map<PersonId, Integer> firstTriesFinished(long cohortId, Collection<Long> moduleIds) {
        Map<PersonId, Integer> finished = new HashMap<>();
        if (moduleIds.isEmpty()) {
            return finished;
        }
        handle.createQuery("""
                        SELECT r.person_id, COUNT(DISTINCT r.module_id) AS finished FROM check_round r
                        JOIN cohort_member m ON m.person_id = r.person_id AND m.cohort_id = :cohort
                        WHERE r.first_try = 1 AND r.finished_at IS NOT NULL AND r.module_id IN (<modules>)
                        GROUP BY r.person_id""")
                .bind("cohort", cohortId).bindList("modules", List.copyOf(moduleIds))
                .map((rs, ctx) -> Map.entry(new PersonId(rs.getString("person_id")), rs.getInt("finished")))
                .forEach(entry -> finished.put(entry.getKey(), entry.getValue()));
        return finished;
    }

    // Gaps

    void openGap(PersonId person, long moduleId, long questionId, long roundId, Instant now) {
        handle.createUpdate("""
                        INSERT INTO check_gap (person_id, module_id, question_id, round_id, opened_at)
                        VALUES (:person, :module, :question, :round, :now)
                        ON CONFLICT (person_id, question_id) DO UPDATE SET closed_at = NULL, closed_by = NULL,
                            right_count = 0""")
                .bind("person", person).bind("module", moduleId).bind("question", questionId).bind("round", roundId)
                .bind("now", now).execute();
    }

    private static final String GAP_COLUMNS = """
            SELECT id, person_id AS person, module_id, question_id, round_id, opened_at, right_count, action,
                   recheck_due, ticket_id, closed_at, closed_by FROM check_gap""";

    List<Gap> gapsOf(PersonId person, long moduleId) {
        return handle.createQuery(GAP_COLUMNS + " WHERE person_id = :person AND module_id = :module ORDER BY id")
                .bind("person", person).bind("module", moduleId).mapTo(Gap.class).list();
    }

    List<Gap> gapsOfModule(long moduleId) {
        return handle.createQuery(GAP_COLUMNS + " WHERE module_id = :module ORDER BY id")
                .bind("module", moduleId).mapTo(Gap.class).list();
    }

    void planRecheck(long gapId, Instant due) {
        handle.createUpdate("UPDATE check_gap SET action = 'RECHECK', recheck_due = :due WHERE id = :id")
                .bind("id", gapId).bind("due", due).execute();
    }

    void mentor(long gapId, long ticketId) {
        handle.createUpdate("UPDATE check_gap SET action = 'MENTOR', ticket_id = :ticket WHERE id = :id")
                .bind("id", gapId).bind("ticket", ticketId).execute();
    }

    void rightOnRecheck(long gapId, int rightCount, Instant closedAt) {
        handle.createUpdate("""
                        UPDATE check_gap SET right_count = :count, closed_at = :closedAt, closed_by = :closedBy
                        WHERE id = :id""")
                .bind("id", gapId).bind("count", rightCount).bindByType("closedAt", closedAt, Instant.class)
                .bindByType("closedBy", closedAt == null ? null : "RECHECK", String.class)
                .execute();
    }

    // Anonymous questions and linked sessions

    /** Takes a retry hash; false when it was taken before (the request is a platform's retry). */
    boolean claimAnonymousRequest(String requestHash, Instant minute) {
        return handle.createUpdate("""
                        INSERT INTO check_anonymous_request (request_hash, handled_at) VALUES (:hash, :minute)
                        ON CONFLICT (request_hash) DO NOTHING""")
                .bind("hash", requestHash).bind("minute", minute).execute() == 1;
    }

    void forgetAnonymousRequestsBefore(Instant minute) {
        handle.createUpdate("DELETE FROM check_anonymous_request WHERE handled_at < :minute")
                .bind("minute", minute).execute();
    }

    void insertAnonymousQuestion(long moduleId, String text, Instant minute) {
        handle.createUpdate("""
                        INSERT INTO check_anonymous_question (module_id, text, asked_at) VALUES (:module, :text, :at)""")
                .bind("module", moduleId).bind("text", text).bind("at", minute).execute();
    }

    List<String> anonymousQuestions(long moduleId) {
        return handle.createQuery("SELECT text FROM check_anonymous_question WHERE module_id = :module ORDER BY id")
                .bind("module", moduleId).mapTo(String.class).list();
    }

    void linkSession(long sessionId, long moduleId, Instant now) {
        handle.createUpdate("INSERT INTO module_session (session_id, module_id, linked_at) VALUES (:session, :module, :now)")
                .bind("session", sessionId).bind("module", moduleId).bind("now", now).execute();
    }

    Optional<Long> moduleOfSession(long sessionId) {
        return handle.createQuery("SELECT module_id FROM module_session WHERE session_id = :session")
                .bind("session", sessionId).mapTo(Long.class).findOne();
    }

    /** A forgotten person's answers, ratings and gaps go with their rounds (which forgetting deletes next). */
    void forget(PersonId person) {
        handle.createUpdate("DELETE FROM check_gap WHERE person_id = :person").bind("person", person).execute();
        for (String table : List.of("check_answer", "check_rating")) {
            handle.createUpdate("DELETE FROM " + table + " WHERE round_id IN (SELECT id FROM check_round"
                    + " WHERE person_id = :person)").bind("person", person).execute();
        }
    }
}
