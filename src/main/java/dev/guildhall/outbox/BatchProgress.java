package dev.guildhall.outbox;

import dev.guildhall.core.Message;
import dev.guildhall.store.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps a batch's progress message current: "delivered to 312 of 340; 2 failed: …". Refreshed at most every
 * {@link #EVERY} while deliveries go on (chat platforms limit message edits too), and once more when the batch is
 * done. The text is written as an ordinary outbox update, so it survives a restart like any other message.
 */
final class BatchProgress {
    static final Duration EVERY = Duration.ofSeconds(5);
    private static final int FAILURES_SHOWN = 5;

    private final Database database;

    BatchProgress(Database database) {
        this.database = database;
    }

    private record Batch(long id, String label, Long progressId, int total, Instant shownAt, String shownText) {
    }

    private record Failure(String who, String error) {
    }

    static String initialText(String label, int total) {
        return "📣 " + label + ": sending to " + total + (total == 1 ? " person" : " people") + "…";
    }

    void refresh(Collection<Long> batchIds, Instant now) {
        batchIds.forEach(id -> refresh(id, now));
    }

    /**
     * On PostgreSQL the batch row is locked first: replicas refreshing the same batch take turns, and the last one
     * counts every delivery committed before it (so exactly one of them finishes the batch).
     */
    private void refresh(long batchId, Instant now) {
        database.inTransaction(h -> {
            Batch batch = h.createQuery("""
                            SELECT id, label, progress_id, total, shown_at, shown_text FROM outbox_batch
                            WHERE id = :id AND finished_at IS NULL""" + database.dialect().forUpdate())
                    .bind("id", batchId)
                    .map((rs, ctx) -> new Batch(rs.getLong("id"), rs.getString("label"),
                            rs.getObject("progress_id") == null ? null : rs.getLong("progress_id"), rs.getInt("total"),
                            rs.getObject("shown_at") == null ? null : Instant.ofEpochMilli(rs.getLong("shown_at")),
                            rs.getString("shown_text")))
                    .findOne().orElse(null);
            if (batch == null) {
                return null;
            }
            Map<OutboxStatus, Integer> counts = counts(h, batchId);
            int delivered = counts.getOrDefault(OutboxStatus.DELIVERED, 0);
            int waiting = counts.getOrDefault(OutboxStatus.PENDING, 0) + counts.getOrDefault(OutboxStatus.SENDING, 0);
            List<Failure> failures = counts.getOrDefault(OutboxStatus.FAILED, 0) == 0 ? List.of() : h.createQuery("""
                            SELECT COALESCE(p.display_name, o.recipient) AS who, o.last_error FROM outbox o
                            LEFT JOIN person p ON p.id = o.recipient
                            WHERE o.batch_id = :batch AND o.status = 'FAILED' ORDER BY o.id""")
                    .bind("batch", batchId)
                    .map((rs, ctx) -> new Failure(rs.getString("who"), rs.getString("last_error")))
                    .list();
            boolean done = waiting == 0;
            if (!done && batch.shownAt() != null && Duration.between(batch.shownAt(), now).compareTo(EVERY) < 0) {
                return null;
            }
            String text = text(batch, delivered, failures, done);
            if (!text.equals(batch.shownText()) && batch.progressId() != null) {
                Outbox.replace(h, now, batch.progressId(), Message.text(text));
            }
            h.createUpdate("""
                            UPDATE outbox_batch SET shown_at = :now, shown_text = :text, finished_at = :finished
                            WHERE id = :id""")
                    .bind("now", now).bind("text", text).bindByType("finished", done ? now : null, Instant.class)
                    .bind("id", batchId).execute();
            return null;
        });
    }

    /** The batch's rows by status, in one grouped query. */
    private static Map<OutboxStatus, Integer> counts(org.jdbi.v3.core.Handle h, long batchId) {
        Map<OutboxStatus, Integer> counts = new EnumMap<>(OutboxStatus.class);
        h.createQuery("SELECT status, COUNT(*) AS n FROM outbox WHERE batch_id = :batch GROUP BY status")
                .bind("batch", batchId)
                .map((rs, ctx) -> Map.entry(OutboxStatus.valueOf(rs.getString("status")), rs.getInt("n")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    static String text(Batch batch, int delivered, List<Failure> failures, boolean done) {
        StringBuilder text = new StringBuilder(done ? (failures.isEmpty() ? "✅ " : "⚠️ ") : "📣 ");
        text.append(batch.label()).append(": delivered to ").append(delivered).append(" of ").append(batch.total());
        if (!failures.isEmpty()) {
            text.append("; ").append(failures.size()).append(" failed: ").append(failures.stream()
                    .limit(FAILURES_SHOWN)
                    .map(f -> f.who() + " (" + shorten(f.error()) + ")")
                    .collect(Collectors.joining(", ")));
            if (failures.size() > FAILURES_SHOWN) {
                text.append(" and ").append(failures.size() - FAILURES_SHOWN).append(" more");
            }
        }
        text.append(done ? " — done." : " — still sending…");
        return text.toString();
    }

    private static String shorten(String error) {
        String plain = error == null ? "unknown error" : error.strip();
        return plain.length() <= 60 ? plain : plain.substring(0, 57) + "…";
    }
}
