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
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OutboxDispatcherTest {
    private static final PersonId BOB = PersonId.of("console", "bob");

    @TempDir
    Path dir;
    Database db;
    AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-03-02T09:00:00Z"));
    ChatPort port = mock(ChatPort.class);

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db").toString());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long enqueue(Function<Outbox, Long> write) {
        return db.inTransaction(h -> write.apply(new Outbox(new UnitOfWork(h, clock.instant()))));
    }

    private String status(long id) {
        return db.read(h -> h.createQuery("SELECT status FROM outbox WHERE id = :id").bind("id", id)
                .mapTo(String.class).one());
    }

    @Test
    void deliversOnceAndRecordsTheRef() throws Exception {
        when(port.sendDirect(eq(BOB), any())).thenReturn(new MessageRef("console:m1"));
        long id = enqueue(o -> o.sendDirect(BOB, Message.text("hi")));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, port, clock);
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(dispatcher.deliverDue()).isZero();
        verify(port, times(1)).sendDirect(BOB, Message.text("hi"));
        assertThat(status(id)).isEqualTo("DELIVERED");
    }

    @Test
    void aPageOfDueMessagesCostsOneClaimAndOneDeliveredMarkNotTwoWritesEach() throws Exception {
        // Given ten DMs due, on a platform with no pace
        when(port.sendDirect(any(), any())).thenReturn(new MessageRef("console:m"));
        for (int i = 0; i < 10; i++) {
            PersonId to = PersonId.of("console", "p" + i);
            enqueue(o -> o.sendDirect(to, Message.text("hi")));
        }
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, port, clock, SendPace.none());
        long groupsBefore = db.groupsCommitted();

        // When one pass delivers them
        assertThat(dispatcher.deliverDue()).isEqualTo(10);

        // Then the writer committed twice: the page's claim, then its delivered marks
        assertThat(db.groupsCommitted() - groupsBefore).isEqualTo(2);
        int delivered = db.read(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE status = 'DELIVERED'")
                .mapTo(Integer.class).one());
        assertThat(delivered).isEqualTo(10);
    }

    @Test
    void aRateLimitMidPageSendsNothingMoreThroughThatMethodAndPutsTheRestBack() throws Exception {
        // Given three DMs to one workspace, and Slack answering the first with 429, retry after 30 s
        when(port.sendDirect(any(), any()))
                .thenThrow(DeliveryException.rateLimited(Duration.ofSeconds(30)))
                .thenReturn(new MessageRef("slack:D1:1.0"));
        for (int i = 0; i < 3; i++) {
            PersonId to = new PersonId("slack:T1:U" + i);
            enqueue(o -> o.sendDirect(to, Message.text("hi")));
        }
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, port, clock, SendPace.none());

        // When one pass claims them as one page
        assertThat(dispatcher.deliverDue()).isZero();

        // Then only the first was sent; all three wait, none used up an attempt, none stays claimed
        verify(port, times(1)).sendDirect(any(), any());
        java.util.List<String> rows = db.read(h -> h.createQuery(
                "SELECT status || ' ' || attempts || ' ' || next_attempt_at FROM outbox").mapTo(String.class).list());
        assertThat(rows).containsOnly("PENDING 0 " + clock.instant().plusSeconds(30).toEpochMilli());
    }

    @Test
    void aRateLimitWaitsForRetryAfterThenDelivers() throws Exception {
        when(port.sendDirect(eq(BOB), any()))
                .thenThrow(DeliveryException.rateLimited(Duration.ofSeconds(30)))
                .thenReturn(new MessageRef("console:m1"));
        long id = enqueue(o -> o.sendDirect(BOB, Message.text("hi")));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, port, clock);
        assertThat(dispatcher.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("DELIVERED");
        verify(port, times(2)).sendDirect(eq(BOB), any());
    }

    @Test
    void aPermanentFailureIsNotRetriedAndItsUpdateFailsToo() throws Exception {
        when(port.sendDirect(eq(BOB), any())).thenThrow(DeliveryException.permanent("channel_not_found"));
        long original = enqueue(o -> o.sendDirect(BOB, Message.text("hi")));
        long update = enqueue(o -> o.update(original, Message.text("hi again")));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, port, clock);
        dispatcher.deliverDue();
        clock.advance(Duration.ofHours(1));
        dispatcher.deliverDue();
        verify(port, times(1)).sendDirect(eq(BOB), any());
        verify(port, never()).update(any(), any());
        assertThat(status(original)).isEqualTo("FAILED");
        assertThat(status(update)).isEqualTo("FAILED");
    }

    @Test
    void anUpdateFollowsItsOriginalEvenWhenTheOriginalIsRetried() throws Exception {
        when(port.sendDirect(eq(BOB), any()))
                .thenThrow(DeliveryException.transientFailure("timeout", null))
                .thenReturn(new MessageRef("console:m7"));
        long original = enqueue(o -> o.sendDirect(BOB, Message.text("v1")));
        enqueue(o -> o.update(original, Message.text("v2")));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, port, clock);
        dispatcher.deliverDue();
        verify(port, never()).update(any(), any());
        clock.advance(RetryPolicy.backoff(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(2);
        verify(port).update(new MessageRef("console:m7"), Message.text("v2"));
    }

    @Test
    void rowsACrashLeftSendingAreSentAgainAtTheNextStart() throws Exception {
        long id = enqueue(o -> o.sendDirect(BOB, Message.text("hi")));
        db.inTransaction(h -> h.createUpdate("UPDATE outbox SET status = 'SENDING' WHERE id = :id").bind("id", id).execute());
        when(port.sendDirect(eq(BOB), any())).thenReturn(new MessageRef("console:m1"));
        assertThat(new OutboxDispatcher(db, port, clock).deliverDue()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("DELIVERED");
    }

    @Test
    void givesUpAfterMaxAttempts() throws Exception {
        when(port.sendDirect(eq(BOB), any())).thenThrow(DeliveryException.transientFailure("down", null));
        long id = enqueue(o -> o.sendDirect(BOB, Message.text("hi")));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, port, clock);
        for (int i = 0; i < RetryPolicy.MAX_ATTEMPTS + 2; i++) {
            dispatcher.deliverDue();
            clock.advance(Duration.ofMinutes(10));
        }
        verify(port, times(RetryPolicy.MAX_ATTEMPTS)).sendDirect(eq(BOB), any());
        assertThat(status(id)).isEqualTo("FAILED");
    }
}
