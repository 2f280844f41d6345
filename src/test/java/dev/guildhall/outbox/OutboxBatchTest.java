package dev.guildhall.outbox;

import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OutboxBatchTest {
    private static final PersonId LEAD = new PersonId("console:lea");
    private static final PersonId BOB = new PersonId("console:bob");
    private static final PersonId CAROL = new PersonId("console:carol");

    @TempDir
    Path dir;
    private Database database;
    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-26T09:00:00Z"));
    private final ChatPort port = mock(ChatPort.class);

    @BeforeEach
    void open() throws Exception {
        database = Database.open(dir.resolve("o.db").toString());
        when(port.sendDirect(any(), any())).thenAnswer(call -> new MessageRef("console:@x:" + call.hashCode()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private OutboxDispatcher dispatcher() {
        return new OutboxDispatcher(database, port, clock, SendPace.none());
    }

    private void batchTo(List<PersonId> people) {
        database.inTransaction(h -> {
            Outbox outbox = new Outbox(new UnitOfWork(h, clock.instant()));
            Outbox.Batch batch = outbox.batch("Test", LEAD, people.size());
            people.forEach(p -> batch.sendDirect(p, Message.text("hello")));
            return batch.seal();
        });
    }

    @Test
    void aTransientFailureIsRetriedAfterABackOff() throws Exception {
        when(port.sendDirect(eq(BOB), any())).thenThrow(DeliveryException.transientFailure("timeout", null))
                .thenReturn(new MessageRef("console:@bob:1"));
        batchTo(List.of(BOB));
        OutboxDispatcher dispatcher = dispatcher();

        dispatcher.deliverDue();
        verify(port, times(1)).sendDirect(eq(BOB), any());
        clock.advance(Duration.ofMillis(1_500));
        dispatcher.deliverDue();
        verify(port, times(1)).sendDirect(eq(BOB), any());
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverDue();

        verify(port, times(2)).sendDirect(eq(BOB), any());
        verify(port).update(any(), eq(Message.text("✅ Test: delivered to 1 of 1 — done.")));
    }

    @Test
    void permanentFailuresAreNamedInTheProgress() throws Exception {
        when(port.sendDirect(eq(CAROL), any())).thenThrow(DeliveryException.permanent("user_not_found"));
        batchTo(List.of(BOB, CAROL));

        dispatcher().deliverDue();

        verify(port).update(any(), eq(Message.text(
                "⚠️ Test: delivered to 1 of 2; 1 failed: console:carol (user_not_found) — done.")));
    }

    @Test
    void aWorkspaceOutOfBudgetHoldsBackOnlyItsOwnRows() throws Exception {
        // Given 500 DMs in a Slack workspace allowed one message a minute, then one DM elsewhere in Slack and one in
        // the console, all due now
        database.inTransaction(h -> {
            Outbox outbox = new Outbox(new UnitOfWork(h, clock.instant()));
            for (int i = 0; i < 500; i++) {
                outbox.sendDirect(new PersonId("slack:T1:U" + i), Message.text("hi"));
            }
            outbox.sendDirect(new PersonId("slack:T2:U1"), Message.text("hi"));
            outbox.sendDirect(BOB, Message.text("hi"));
            return null;
        });
        OutboxDispatcher dispatcher = new OutboxDispatcher(database, port, clock, SendPace.parse("slack=1/1s,1/1m"));

        // When one pass runs
        int delivered = dispatcher.deliverDue();

        // Then the busy workspace sent its one message and the others were not starved behind it
        assertThat(delivered).isEqualTo(3);
        verify(port).sendDirect(eq(new PersonId("slack:T1:U0")), any());
        verify(port).sendDirect(eq(new PersonId("slack:T2:U1")), any());
        verify(port).sendDirect(eq(BOB), any());
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        verify(port).sendDirect(eq(new PersonId("slack:T1:U1")), any());
    }

    @Test
    void anUpdateNeverOvertakesItsMessageAndOnlyTheNewestIsSent() throws Exception {
        long original = database.inTransaction(h -> {
            Outbox outbox = new Outbox(new UnitOfWork(h, clock.instant()));
            long id = outbox.sendDirect(BOB, Message.text("v1"));
            outbox.update(id, Message.text("v2"));
            outbox.update(id, Message.text("v3"));
            return id;
        });
        when(port.sendDirect(eq(BOB), any())).thenThrow(DeliveryException.rateLimited(Duration.ofSeconds(5)))
                .thenReturn(new MessageRef("console:@bob:1"));
        OutboxDispatcher dispatcher = dispatcher();

        dispatcher.deliverDue();
        verify(port, times(0)).update(any(), any());
        clock.advance(Duration.ofSeconds(5));
        dispatcher.deliverDue();

        verify(port, times(1)).update(any(), eq(Message.text("v3")));
        verify(port, times(1)).update(any(), any());
        assertThat(original).isPositive();
    }
}
