package dev.guildhall.outbox;

import dev.guildhall.core.MessageRef;
import dev.guildhall.store.Database;
import dev.guildhall.store.Purge;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** The dispatcher's reads and writes of outbox rows: the scan for due rows, and settling a row after an attempt. */
final class OutboxRows {
    private final Database database;

    OutboxRows(Database database) {
        this.database = database;
    }

    /** The message an update replaces, as far as the update needs it. */
    record Original(OutboxStatus status, String messageRef, Instant nextAttemptAt) {
    }

    /**
     * Up to {@code limit} rows due at {@code now}, oldest first, after the row {@code after}, leaving out rows whose
     * recipient starts with one of {@code skippedPrefixes} (a workspace or platform that is out of budget).
     */
    List<OutboxRow> due(Instant now, long after, List<String> skippedPrefixes, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, kind, recipient, updates_id, batch_id, attempts FROM outbox
                WHERE status = 'PENDING' AND next_attempt_at <= :now AND id > :after""");
        for (int i = 0; i < skippedPrefixes.size(); i++) {
            sql.append(" AND (recipient IS NULL OR substr(recipient, 1, length(:p").append(i)
                    .append(")) <> :p").append(i).append(')');
        }
        sql.append(" ORDER BY id LIMIT :limit");
        return database.read(h -> {
            var query = h.createQuery(sql.toString()).bind("now", now).bind("after", after).bind("limit", limit);
            for (int i = 0; i < skippedPrefixes.size(); i++) {
                query.bind("p" + i, skippedPrefixes.get(i));
            }
            return query.map((rs, ctx) -> new OutboxRow(rs.getLong("id"), OutboxKind.valueOf(rs.getString("kind")),
                            rs.getString("recipient"),
                            rs.getObject("updates_id") == null ? null : rs.getLong("updates_id"),
                            rs.getObject("batch_id") == null ? null : rs.getLong("batch_id"),
                            rs.getInt("attempts")))
                    .list();
        });
    }

    Original original(long id) {
        return database.read(h -> h.createQuery("SELECT status, message_ref, next_attempt_at FROM outbox WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Original(OutboxStatus.valueOf(rs.getString("status")),
                        rs.getString("message_ref"), Instant.ofEpochMilli(rs.getLong("next_attempt_at"))))
                .one());
    }

    /** A row the platform took: where the message now is, and when. */
    record Delivered(OutboxRow row, MessageRef ref, Instant at) {
    }

    /** Marks a page of rows delivered in one transaction, with the follow-ups they asked for. */
    void delivered(List<Delivered> page) {
        if (page.isEmpty()) {
            return;
        }
        database.inTransaction(h -> {
            for (Delivered delivered : page) {
                h.createUpdate("""
                                UPDATE outbox SET status = 'DELIVERED', delivered_at = :at, message_ref = :ref,
                                       attempts = attempts + 1, last_error = NULL
                                WHERE id = :id""")
                        .bind("at", delivered.at()).bind("ref", delivered.ref().value())
                        .bind("id", delivered.row().id()).execute();
                scheduleFollowUp(h, delivered.row().id(), delivered.at());
            }
            return null;
        });
    }

    /** Failing and asking for the follow-up commit together: whoever sees FAILED also finds the follow-up due. */
    void failed(OutboxRow row, String error, Instant now) {
        database.inTransaction(h -> {
            h.createUpdate("""
                            UPDATE outbox SET status = 'FAILED', next_attempt_at = :now, attempts = :attempts,
                                   last_error = :error
                            WHERE id = :id""")
                    .bind("now", now).bind("attempts", row.attempts() + 1)
                    .bindByType("error", error, String.class).bind("id", row.id()).execute();
            return scheduleFollowUp(h, row.id(), now);
        });
    }

    /** Puts a row back to PENDING, due at {@code next}; {@code error} is kept for whoever looks (null: none). */
    void pendingUntil(long id, Instant next, int attempts, String error) {
        database.inTransaction(h -> h.createUpdate("""
                        UPDATE outbox SET status = 'PENDING', next_attempt_at = :next, attempts = :attempts,
                               last_error = :error
                        WHERE id = :id""")
                .bind("next", next).bind("attempts", attempts)
                .bindByType("error", error, String.class).bind("id", id).execute());
    }

    /**
     * Deletes delivered messages (and superseded updates) settled before {@code cutoff}, except those a feature still
     * needs: rows another table points at (a message updated in place later, a batch's progress message, an original
     * an update follows), an announcement's deliveries (insights counts its reach), a channel operation (its
     * follow-up reads the outcome) and a shared file (forgetting someone deletes it by its ref). Failed rows stay
     * for whoever looks into them (and the failures metric counts them).
     */
    static int purgeSettled(Database database, Instant cutoff) {
        return Purge.rows(database, "outbox", """
                t.status IN ('DELIVERED', 'SUPERSEDED') AND COALESCE(t.delivered_at, t.next_attempt_at) < :cutoff
                AND t.batch_id IS NULL AND t.follow_up_task IS NULL AND t.kind NOT LIKE 'FILE_%'""",
                binds -> binds.bind("cutoff", cutoff));
    }

    /** A row that asked for a follow-up (channel operations do) makes its task due now that it is settled. */
    private static int scheduleFollowUp(Handle h, long id, Instant now) {
        return h.createUpdate("""
                        INSERT INTO scheduled_task (kind, subject, due_at, created_at)
                        SELECT follow_up_task, follow_up_subject, :now, :now FROM outbox
                        WHERE id = :id AND follow_up_task IS NOT NULL""")
                .bind("now", now).bind("id", id).execute();
    }
}
