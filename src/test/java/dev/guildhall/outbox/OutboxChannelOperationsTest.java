package dev.guildhall.outbox;

import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
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
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Channel operations ride the outbox like messages and, once settled, make their follow-up task due. */
class OutboxChannelOperationsTest {
    private static final PersonId ALICE = PersonId.of("console", "alice");
    private static final ChannelId WG = ChannelId.of("console", "wg-vpc");

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

    private <T> T inWork(Function<Outbox, T> write) {
        return db.inTransaction(h -> write.apply(new Outbox(new UnitOfWork(h, clock.instant()))));
    }

    private List<String> followUps() {
        return db.read(h -> h.createQuery("SELECT kind || '#' || subject FROM scheduled_task WHERE done_at IS NULL")
                .mapTo(String.class).list());
    }

    @Test
    void aCreatedChannelIsKeptAsTheRowsRefAndItsFollowUpFallsDue() throws Exception {
        when(port.createChannel("wg-vpc", List.of(ALICE), Optional.empty())).thenReturn(WG);
        long id = inWork(o -> o.createChannel("wg-vpc", List.of(ALICE), "test.settled", 7));
        assertThat(followUps()).isEmpty();

        new OutboxDispatcher(db, port, clock).deliverDue();

        Outbox.ChannelOutcome outcome = inWork(o -> o.channelOutcome(id));
        assertThat(outcome.done()).isTrue();
        assertThat(outcome.channel()).contains(WG);
        assertThat(followUps()).containsExactly("test.settled#7");
    }

    @Test
    void aPassingFailureIsRetriedBeforeAnyFollowUpAndAFinalOneSaysWhy() throws Exception {
        when(port.createChannel("wg-vpc", List.of(ALICE), Optional.empty()))
                .thenThrow(DeliveryException.transientFailure("timeout", null))
                .thenThrow(DeliveryException.permanent("missing_scope: the Slack app lacks the channels:manage scope"));
        long id = inWork(o -> o.createChannel("wg-vpc", List.of(ALICE), "test.settled", 7));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, port, clock);

        dispatcher.deliverDue();
        assertThat(followUps()).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        dispatcher.deliverDue();

        Outbox.ChannelOutcome outcome = inWork(o -> o.channelOutcome(id));
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.error()).hasValueSatisfying(error -> assertThat(error).contains("channels:manage"));
        assertThat(followUps()).containsExactly("test.settled#7");
        verify(port, times(2)).createChannel("wg-vpc", List.of(ALICE), Optional.empty());
    }

    @Test
    void archivingGoesThroughThePortAfterTheCommit() throws Exception {
        long id = inWork(o -> o.archiveChannel(WG, "test.archived", 3));

        new OutboxDispatcher(db, port, clock).deliverDue();

        verify(port).archiveChannel(WG);
        assertThat(inWork(o -> o.channelOutcome(id)).done()).isTrue();
        assertThat(followUps()).containsExactly("test.archived#3");
    }
}
