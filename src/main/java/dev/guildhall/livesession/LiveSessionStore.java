package dev.guildhall.livesession;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Sessions, flags, questions and votes, inside one transaction. No statement here takes a person id except the
 * presenter's: flags, questions and votes are only ever looked up by token.
 */
final class LiveSessionStore {
    private final Handle handle;

    LiveSessionStore(Handle handle) {
        this.handle = handle;
    }

    /**
     * Every time an anonymous row holds (flags, questions, retries, quotas) is rounded down to the minute, whoever
     * wrote it: a finer time could be matched to a delivery, a log line or another anonymous action.
     */
    static Instant minute(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MINUTES);
    }

    // --- sessions

    long insertSession(ChannelId channel, String title, PersonId presenter, int threshold, int questionsPerHour,
                       Instant now) {
        return handle.createQuery("""
                        INSERT INTO live_session (channel_id, title, presenter_id, threshold, key_generation, started_at,
                                                  questions_per_hour)
                        VALUES (:channel, :title, :presenter, :threshold, 1, :now, :perHour) RETURNING id""")
                .bind("channel", channel).bind("title", title).bind("presenter", presenter)
                .bind("threshold", threshold).bind("now", now).bind("perHour", questionsPerHour)
                .mapTo(Long.class).one();
    }

    void askedForMembers(long sessionId, long outboxId) {
        handle.createUpdate("UPDATE live_session SET members_request_id = :outbox WHERE id = :id")
                .bind("outbox", outboxId).bind("id", sessionId).execute();
    }

    void setChannelMembers(long sessionId, int members, int threshold) {
        handle.createUpdate("UPDATE live_session SET channel_members = :members, threshold = :threshold WHERE id = :id")
                .bind("members", members).bind("threshold", threshold).bind("id", sessionId).execute();
    }

    Optional<LiveSession> session(long id) {
        return handle.createQuery("SELECT * FROM live_session WHERE id = :id").bind("id", id).mapTo(LiveSession.class).findOne();
    }

    Optional<LiveSession> runningIn(ChannelId channel) {
        return handle.createQuery("SELECT * FROM live_session WHERE channel_id = :channel AND ended_at IS NULL")
                .bind("channel", channel).mapTo(LiveSession.class).findOne();
    }

    List<LiveSession> runningBy(PersonId presenter) {
        return handle.createQuery("""
                        SELECT * FROM live_session WHERE presenter_id = :presenter AND ended_at IS NULL
                        ORDER BY started_at, id""")
                .bind("presenter", presenter).mapTo(LiveSession.class).list();
    }

    void setMessages(long sessionId, long boardMessageId, long inviteMessageId) {
        handle.createUpdate("""
                        UPDATE live_session SET board_message_id = :board, invite_message_id = :invite WHERE id = :id""")
                .bind("board", boardMessageId).bind("invite", inviteMessageId).bind("id", sessionId).execute();
    }

    void setSummaryMessage(long sessionId, long summaryMessageId) {
        handle.createUpdate("UPDATE live_session SET summary_message_id = :summary WHERE id = :id")
                .bind("summary", summaryMessageId).bind("id", sessionId).execute();
    }

    Optional<String> keySalt(long sessionId) {
        return handle.createQuery("SELECT key_salt FROM live_session WHERE id = :id")
                .bind("id", sessionId).map((rs, ctx) -> Optional.ofNullable(rs.getString("key_salt")))
                .findOne().flatMap(salt -> salt);
    }

    void setKeySalt(long sessionId, String salt) {
        handle.createUpdate("UPDATE live_session SET key_salt = :salt WHERE id = :id")
                .bindByType("salt", salt, String.class).bind("id", sessionId).execute();
    }

    void newGeneration(long sessionId, int generation, Instant now) {
        handle.createUpdate("UPDATE live_session SET key_generation = :generation, restarted_at = :now WHERE id = :id")
                .bind("generation", generation).bind("now", now).bind("id", sessionId).execute();
    }

    void setBoardState(long sessionId, boolean nudgeArmed, int count) {
        handle.createUpdate("UPDATE live_session SET nudge_armed = :armed, last_board_count = :count WHERE id = :id")
                .bind("armed", nudgeArmed ? 1 : 0).bind("count", count).bind("id", sessionId).execute();
    }

    void markNudged(long sessionId, Instant now) {
        handle.createUpdate("UPDATE live_session SET last_nudged_at = :now WHERE id = :id")
                .bind("now", now).bind("id", sessionId).execute();
    }

    void endSession(long sessionId, Instant now) {
        handle.createUpdate("UPDATE live_session SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
                .bind("now", now).bind("id", sessionId).execute();
    }

    void markRecapPosted(long sessionId, Instant now) {
        handle.createUpdate("UPDATE live_session SET recap_posted_at = :now WHERE id = :id")
                .bind("now", now).bind("id", sessionId).execute();
    }

    void markLearnInvitePosted(long sessionId, Instant now) {
        handle.createUpdate("UPDATE live_session SET learn_invite_posted_at = :now WHERE id = :id")
                .bind("now", now).bind("id", sessionId).execute();
    }

    // --- flags

    Optional<Flag> flagUp(long sessionId, String token) {
        return handle.createQuery("""
                        SELECT * FROM wait_flag WHERE session_id = :session AND token = :token AND ended_at IS NULL""")
                .bind("session", sessionId).bind("token", token).mapTo(Flag.class).findOne();
    }

    Optional<Flag> flag(long id) {
        return handle.createQuery("SELECT * FROM wait_flag WHERE id = :id").bind("id", id).mapTo(Flag.class).findOne();
    }

    long insertFlag(long sessionId, int generation, String token, Instant now, Instant expiresAt) {
        return handle.createQuery("""
                        INSERT INTO wait_flag (session_id, generation, token, raised_at, expires_at)
                        VALUES (:session, :generation, :token, :now, :expires) RETURNING id""")
                .bind("session", sessionId).bind("generation", generation).bind("token", token)
                .bind("now", minute(now)).bind("expires", minute(expiresAt))
                .mapTo(Long.class).one();
    }

    void renewFlag(long flagId, Instant expiresAt) {
        handle.createUpdate("UPDATE wait_flag SET expires_at = :expires WHERE id = :id")
                .bind("expires", minute(expiresAt)).bind("id", flagId).execute();
    }

    /** Takes a flag down and forgets its token. */
    void endFlag(long flagId, Instant now, String reason) {
        handle.createUpdate("""
                        UPDATE wait_flag SET ended_at = :now, end_reason = :reason, token = NULL
                        WHERE id = :id AND ended_at IS NULL""")
                .bind("now", minute(now)).bind("reason", reason).bind("id", flagId).execute();
    }

    /** Takes down every flag of the session raised under an older key generation (or all, with MAX_VALUE). */
    int endFlagsBefore(long sessionId, int generation, Instant now, String reason) {
        return handle.createUpdate("""
                        UPDATE wait_flag SET ended_at = :now, end_reason = :reason, token = NULL
                        WHERE session_id = :session AND ended_at IS NULL AND generation < :generation""")
                .bind("now", minute(now)).bind("reason", reason).bind("session", sessionId).bind("generation", generation)
                .execute();
    }

    List<Long> flagIdsUp(long sessionId) {
        return handle.createQuery("SELECT id FROM wait_flag WHERE session_id = :session AND ended_at IS NULL")
                .bind("session", sessionId).mapTo(Long.class).list();
    }

    int countUp(long sessionId) {
        return handle.createQuery("SELECT COUNT(*) FROM wait_flag WHERE session_id = :session AND ended_at IS NULL")
                .bind("session", sessionId).mapTo(Integer.class).one();
    }

    int countRaisedSince(long sessionId, Instant since) {
        return handle.createQuery("SELECT COUNT(*) FROM wait_flag WHERE session_id = :session AND raised_at >= :since")
                .bind("session", sessionId).bind("since", since).mapTo(Integer.class).one();
    }

    List<Flag> flags(long sessionId) {
        return handle.createQuery("SELECT * FROM wait_flag WHERE session_id = :session ORDER BY raised_at, id")
                .bind("session", sessionId).mapTo(Flag.class).list();
    }

    // --- questions and votes

    long insertQuestion(long sessionId, String text, Instant now) {
        return handle.createQuery("""
                        INSERT INTO wait_question (session_id, text, asked_at) VALUES (:session, :text, :now) RETURNING id""")
                .bind("session", sessionId).bind("text", text).bind("now", minute(now))
                .mapTo(Long.class).one();
    }

    void setQuestionPost(long questionId, long postMessageId) {
        handle.createUpdate("UPDATE wait_question SET post_message_id = :post WHERE id = :id")
                .bind("post", postMessageId).bind("id", questionId).execute();
    }

    Optional<Question> question(long id) {
        return handle.createQuery("SELECT * FROM wait_question WHERE id = :id").bind("id", id).mapTo(Question.class).findOne();
    }

    /** The questions still standing, most votes first, then oldest first. */
    List<Question> questions(long sessionId, int limit) {
        return handle.createQuery("""
                        SELECT * FROM wait_question WHERE session_id = :session AND removed_at IS NULL
                        ORDER BY votes DESC, asked_at, id LIMIT :limit""")
                .bind("session", sessionId).bind("limit", limit).mapTo(Question.class).list();
    }

    void removeQuestion(long questionId, Instant now) {
        handle.createUpdate("UPDATE wait_question SET removed_at = :now WHERE id = :id AND removed_at IS NULL")
                .bind("now", minute(now)).bind("id", questionId).execute();
    }

    /** Whether the token already marked this question: empty if not, else whether that mark is the asker's. */
    Optional<Boolean> mark(long questionId, String token) {
        return handle.createQuery("SELECT asker FROM wait_vote WHERE question_id = :question AND token = :token")
                .bind("question", questionId).bind("token", token)
                .map((rs, ctx) -> rs.getInt("asker") == 1).findOne();
    }

    void insertMark(long questionId, String token, int generation, boolean asker) {
        handle.createUpdate("""
                        INSERT INTO wait_vote (question_id, token, generation, asker)
                        VALUES (:question, :token, :generation, :asker)""")
                .bind("question", questionId).bind("token", token).bind("generation", generation)
                .bind("asker", asker ? 1 : 0).execute();
    }

    void countVote(long questionId) {
        handle.createUpdate("UPDATE wait_question SET votes = votes + 1 WHERE id = :id").bind("id", questionId).execute();
    }

    /** Forgets the vote tokens of the session made under generations before the given one (all, with MAX_VALUE). */
    void deleteMarksBefore(long sessionId, int generation) {
        handle.createUpdate("""
                        DELETE FROM wait_vote WHERE generation < :generation
                        AND question_id IN (SELECT id FROM wait_question WHERE session_id = :session)""")
                .bind("generation", generation).bind("session", sessionId).execute();
    }

    /** Every standing question of the session, oldest first: the presenter's full list. */
    List<Question> standingQuestions(long sessionId) {
        return handle.createQuery("""
                        SELECT * FROM wait_question WHERE session_id = :session AND removed_at IS NULL
                        ORDER BY asked_at, id""")
                .bind("session", sessionId).mapTo(Question.class).list();
    }

    void setQuestionsPaused(long sessionId, boolean paused) {
        handle.createUpdate("UPDATE live_session SET questions_paused = :paused WHERE id = :id")
                .bind("paused", paused ? 1 : 0).bind("id", sessionId).execute();
    }

    // --- anonymous retries and question quotas: keyed hashes, minutes, gone with the session

    /** @return false if the keyed hash was taken before (a retry) */
    boolean claimRequest(long sessionId, int generation, String requestHash, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO anonymous_request (request_hash, session_id, generation, handled_at)
                        VALUES (:hash, :session, :generation, :now) ON CONFLICT (request_hash) DO NOTHING""")
                .bind("hash", requestHash).bind("session", sessionId).bind("generation", generation)
                .bind("now", minute(now)).execute() == 1;
    }

    Optional<QuestionQuota> quota(long sessionId, String token) {
        return handle.createQuery("""
                        SELECT minute_start, asked_in_minute, hour_start, asked_in_hour FROM wait_question_quota
                        WHERE session_id = :session AND token = :token""")
                .bind("session", sessionId).bind("token", token).mapTo(QuestionQuota.class).findOne();
    }

    void saveQuota(long sessionId, int generation, String token, QuestionQuota quota) {
        handle.createUpdate("""
                        INSERT INTO wait_question_quota (session_id, token, generation, minute_start, asked_in_minute,
                                                         hour_start, asked_in_hour)
                        VALUES (:session, :token, :generation, :minuteStart, :inMinute, :hourStart, :inHour)
                        ON CONFLICT (session_id, token) DO UPDATE SET minute_start = :minuteStart,
                            asked_in_minute = :inMinute, hour_start = :hourStart, asked_in_hour = :inHour""")
                .bind("session", sessionId).bind("token", token).bind("generation", generation)
                .bind("minuteStart", minute(quota.minuteStart())).bind("inMinute", quota.askedInMinute())
                .bind("hourStart", minute(quota.hourStart())).bind("inHour", quota.askedInHour()).execute();
    }

    /** Forgets the session's retry hashes and quotas made under generations before the given one (all: MAX_VALUE). */
    void deleteKeyedRowsBefore(long sessionId, int generation) {
        for (String table : List.of("anonymous_request", "wait_question_quota")) {
            handle.createUpdate("DELETE FROM " + table + " WHERE session_id = :session AND generation < :generation")
                    .bind("session", sessionId).bind("generation", generation).execute();
        }
    }
}
