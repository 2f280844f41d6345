package dev.guildhall.store;

import dev.guildhall.outbox.OutboxKind;
import dev.guildhall.outbox.OutboxStatus;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration that adds the outbox's CHECK constraints, on a store that already holds rows of every kind and
 * status (and rows elsewhere pointing at them): shared by the SQLite test and the PostgreSQL one.
 */
final class OutboxChecksScenario {
    /** The last migration before the constraints. */
    private static final String BEFORE = "70";

    private final String url;
    private final String user;
    private final String password;
    private List<Map<String, Object>> before;
    private long deletedId;

    OutboxChecksScenario(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Given a store at the version before, with a row of every kind in every status, an update and a batch. */
    void givenRowsOfEveryKindAndStatusBeforeTheConstraints() {
        Dialect dialect = Dialect.of(url);
        Flyway.configure().dataSource(url, user, password)
                .locations(dialect.migrations().toArray(String[]::new))
                .placeholders(dialect.placeholders())
                .target(BEFORE)
                .load().migrate();
        (user == null ? Jdbi.create(url) : Jdbi.create(url, user, password)).useTransaction(h -> {
            long first = insert(h, OutboxKind.DIRECT, "console:alice", null, OutboxStatus.DELIVERED, null);
            long batch = h.createQuery("INSERT INTO outbox_batch (label, progress_id, total, created_at)"
                    + " VALUES ('Announcement', :progress, 1, 0) RETURNING id").bind("progress", first)
                    .mapTo(Long.class).one();
            // DELETE_FILE, GROUP_CHAT and MEMBER_COUNT came later (their own migrations widen the constraint): no
            // store before V71 holds one.
            for (OutboxKind kind : OutboxKind.values()) {
                if (kind == OutboxKind.DELETE_FILE || kind == OutboxKind.GROUP_CHAT
                        || kind == OutboxKind.MEMBER_COUNT) {
                    continue;
                }
                for (OutboxStatus status : OutboxStatus.values()) {
                    insert(h, kind, kind == OutboxKind.UPDATE ? null : "console:" + kind + status,
                            kind == OutboxKind.UPDATE ? first : null, status,
                            kind == OutboxKind.DIRECT ? batch : null);
                }
            }
            deletedId = insert(h, OutboxKind.POST, "console:general", null, OutboxStatus.PENDING, null);
            h.createUpdate("DELETE FROM outbox WHERE id = :id").bind("id", deletedId).execute();
            before = everyRow(h);
        });
    }

    private static long insert(Handle h, OutboxKind kind, String recipient, Long updates, OutboxStatus status,
                               Long batch) {
        return h.createQuery("""
                        INSERT INTO outbox (kind, recipient, updates_id, payload, status, attempts, next_attempt_at,
                                            created_at, delivered_at, message_ref, last_error, batch_id, claimed_by,
                                            claimed_at, follow_up_task, follow_up_subject)
                        VALUES (:kind, :recipient, :updates, '{"text":"hi"}', :status, 2, 1000, 900, 950,
                                'console:m1', 'timeout', :batch, 'replica-1', 940, 'wg.channel', 7)
                        RETURNING id""")
                .bind("kind", kind.name()).bind("recipient", recipient).bindByType("updates", updates, Long.class)
                .bind("status", status.name()).bindByType("batch", batch, Long.class)
                .mapTo(Long.class).one();
    }

    private static List<Map<String, Object>> everyRow(Handle h) {
        return h.createQuery("SELECT * FROM outbox ORDER BY id").mapToMap().list();
    }

    /** When the store is opened by the current code, it migrates; then every row is as it was. */
    void thenTheRowsAreKeptAndOnlyKnownNamesAreAccepted() {
        try (Database db = Database.open(url, user, password)) {
            assertThat(db.read(OutboxChecksScenario::everyRow)).isEqualTo(before);
            // A new row never takes an id used before, even one whose row is gone
            long next = db.inTransaction(h -> insert(h, OutboxKind.POST, "console:general", null,
                    OutboxStatus.PENDING, null));
            assertThat(next).isGreaterThan(deletedId);

            assertThatThrownBy(() -> db.inTransaction(h -> insert(h, OutboxKind.POST, "x", null,
                    OutboxStatus.PENDING, null) + h.createUpdate("UPDATE outbox SET kind = 'SMOKE_SIGNAL'").execute()))
                    .hasMessageContaining("outbox_kind_known");
            assertThatThrownBy(() -> db.inTransaction(h -> h.createUpdate("UPDATE outbox SET status = 'LOST'")
                    .execute())).hasMessageContaining("outbox_status_known");
            // The table's other rules came through the rebuild: foreign keys and one delivery per batch recipient
            assertThatThrownBy(() -> db.inTransaction(h -> insert(h, OutboxKind.UPDATE, null, 999_999L,
                    OutboxStatus.PENDING, null))).hasMessageMatching("(?is).*foreign key.*");
            assertThatThrownBy(() -> db.inTransaction(h -> h.createUpdate("""
                    INSERT INTO outbox (kind, recipient, payload, status, next_attempt_at, created_at, batch_id)
                    SELECT kind, recipient, payload, status, next_attempt_at, created_at, batch_id FROM outbox
                    WHERE batch_id IS NOT NULL""").execute()))
                    .hasMessageMatching("(?s).*(outbox_batch_recipient|outbox\\.batch_id, outbox\\.kind, outbox\\.recipient).*");
            assertThat(db.read(OutboxChecksScenario::everyRow)).hasSize(before.size() + 1);
        }
    }
}
