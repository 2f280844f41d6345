package dev.guildhall.outbox;

import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.Database;
import dev.guildhall.store.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** One attempt at one row says what became of it, and where the pace made it wait. */
class DeliveryTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;
    Database db;
    AdjustableClock clock = AdjustableClock.fixedAt(NOW);
    ChatPort port = mock(ChatPort.class);
    OutboxRows rows;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db").toString());
        rows = new OutboxRows(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Delivery delivery(SendPace pace, long seed) {
        return new Delivery(port, clock, new Pacer(pace), rows, new OutboxClaims(db), new RetryPolicy(new Random(seed)));
    }

    private void enqueue(Function<Outbox, Long> write) {
        db.inTransaction(h -> write.apply(new Outbox(new UnitOfWork(h, clock.instant()))));
    }

    private List<OutboxRow> due() {
        return rows.due(clock.instant(), 0, List.of(), 100);
    }

    @Test
    void aDeliveredRowSaysSo() throws Exception {
        // Given a DM due now
        when(port.sendDirect(any(), any())).thenReturn(new MessageRef("slack:D1:1.0"));
        enqueue(o -> o.sendDirect(new PersonId("slack:T1:U1"), Message.text("hi")));

        // When it is attempted
        Delivery.Attempt attempt = delivery(SendPace.none(), 1).attempt(due().get(0));

        // Then it is delivered, and nothing waits
        assertThat(attempt).isEqualTo(new Delivery.Attempt(Delivery.Outcome.DELIVERED, Optional.empty()));
    }

    @Test
    void aWorkspaceOutOfBudgetNamesItselfSoTheRestOfThePassLeavesItOut() throws Exception {
        // Given a workspace allowed one message a minute, and two DMs in it
        when(port.sendDirect(any(), any())).thenReturn(new MessageRef("slack:D1:1.0"));
        enqueue(o -> o.sendDirect(new PersonId("slack:T1:U1"), Message.text("hi")));
        enqueue(o -> o.sendDirect(new PersonId("slack:T1:U2"), Message.text("hi")));
        Delivery delivery = delivery(SendPace.parse("slack=1/1s,1/1m"), 1);
        List<OutboxRow> due = due();

        // When both are attempted in one pass
        delivery.attempt(due.get(0));
        Delivery.Attempt second = delivery.attempt(due.get(1));

        // Then the second is held back, naming its workspace
        assertThat(second).isEqualTo(new Delivery.Attempt(Delivery.Outcome.HELD_BACK, Optional.of("slack:T1:")));
    }

    @Test
    void anUpdateHeldBackByItsWorkspaceBudgetNamesNoPrefix() throws Exception {
        // Given a platform allowing one call a minute per workspace, and a delivered message
        when(port.sendDirect(any(), any())).thenReturn(new MessageRef("slack:C1:1.0"));
        enqueue(o -> o.sendDirect(new PersonId("slack:T1:U1"), Message.text("v1")));
        Delivery delivery = delivery(SendPace.parse("slack=10/1s,1/1m"), 1);
        delivery.attempt(due().get(0));

        // When two updates of it are attempted one after the other
        enqueue(o -> o.update(1, Message.text("v2")));
        delivery.attempt(due().get(0));
        enqueue(o -> o.update(1, Message.text("v3")));
        Delivery.Attempt second = delivery.attempt(due().get(0));

        // Then the second is held back without naming a prefix: a message ref names no workspace, so the pass must
        // not leave out the platform's other rows for it
        assertThat(second).isEqualTo(new Delivery.Attempt(Delivery.Outcome.HELD_BACK, Optional.empty()));
    }

    @Test
    void aRetryIsDueAfterTheSeededPolicysWait() throws Exception {
        // Given a DM whose platform times out
        when(port.sendDirect(eq(new PersonId("slack:T1:U1")), any()))
                .thenThrow(DeliveryException.transientFailure("timeout", null));
        enqueue(o -> o.sendDirect(new PersonId("slack:T1:U1"), Message.text("hi")));

        // When it is attempted with a policy seeded 42
        Delivery.Attempt attempt = delivery(SendPace.none(), 42).attempt(due().get(0));

        // Then it is settled for this pass, due again exactly when the same seed says
        assertThat(attempt.outcome()).isEqualTo(Delivery.Outcome.SETTLED);
        Instant expected = NOW.plus(new RetryPolicy(new Random(42)).nextWait(1, true).orElseThrow());
        long next = db.read(h -> h.createQuery("SELECT next_attempt_at FROM outbox WHERE id = 1")
                .mapTo(Long.class).one());
        assertThat(Instant.ofEpochMilli(next)).isEqualTo(expected).isNotEqualTo(NOW.plus(RetryPolicy.backoff(1)));
    }
}
