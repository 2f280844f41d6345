package dev.guildhall.slack;

import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.Message;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.store.UnitOfWork;
import dev.guildhall.testing.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention purge on PostgreSQL: what is past it goes, what another row refers to stays (issue 19). */
class RetentionPostgresIT {
    Postgres postgres;
    FakeSlack slack;
    Replica a;

    @BeforeEach
    void start() {
        postgres = new Postgres();
        slack = FakeSlack.start();
        a = new Replica(postgres, slack, AdjustableClock.fixedAt(Instant.parse("2026-11-26T09:00:00Z")));
    }

    @AfterEach
    void stop() {
        a.close();
        slack.close();
        postgres.close();
    }

    @Test
    void aDeliveredMessageGoesAfterADayAndAnOriginalWithAWaitingUpdateStays() {
        // Given two delivered DMs, the second with an update waiting far off
        long plain = send("hello");
        long original = send("v1");
        a.bot.runDue();
        long update = a.bot.database().inTransaction(h -> new Outbox(new UnitOfWork(h, a.clock.instant()))
                .update(original, Message.text("v2")));
        a.bot.database().inTransaction(h -> h.createUpdate("UPDATE outbox SET next_attempt_at = :later WHERE id = :id")
                .bind("later", a.clock.instant().plus(Duration.ofDays(30))).bind("id", update).execute());

        // When a day and a minute pass and the tick runs
        a.clock.advance(Duration.ofDays(1).plusMinutes(1));
        a.bot.runDueTasks();

        // Then the plain DM is gone; the original its update follows, and the update, stay
        assertThat(a.count("SELECT COUNT(*) FROM outbox WHERE id = " + plain)).isZero();
        assertThat(a.count("SELECT COUNT(*) FROM outbox WHERE id IN (" + original + ", " + update + ")"))
                .isEqualTo(2);
    }

    private long send(String text) {
        return a.bot.database().inTransaction(h -> new Outbox(new UnitOfWork(h, a.clock.instant()))
                .sendDirect(Replica.person("UBOB"), Message.text(text)));
    }
}
