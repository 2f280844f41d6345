package dev.guildhall.outbox;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.Database;
import dev.guildhall.store.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxClaimsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;
    Database db;
    OutboxClaims claims;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db").toString());
        claims = new OutboxClaims(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long enqueue() {
        return db.inTransaction(h -> new Outbox(new UnitOfWork(h, NOW))
                .sendDirect(PersonId.of("console", "bob"), Message.text("hi")));
    }

    private String status(long id) {
        return db.read(h -> h.createQuery("SELECT status FROM outbox WHERE id = :id").bind("id", id)
                .mapTo(String.class).one());
    }

    @Test
    void aRowIsClaimedOnceAndTheClaimReadsItsPayload() {
        // Given a pending row
        long id = enqueue();

        // When two claims are made for it
        // Then the first gets its message and marks it SENDING; the second gets nothing
        assertThat(claims.claim(id, NOW)).hasValueSatisfying(payload -> assertThat(MessageJson.read(payload))
                .isEqualTo(Message.text("hi")));
        assertThat(status(id)).isEqualTo("SENDING");
        assertThat(claims.claim(id, NOW)).isEmpty();
    }

    @Test
    void aClaimIsReleasedOnlyOnceItOutlivesTheLease() {
        // Given a row claimed now
        long id = enqueue();
        claims.claim(id, NOW);

        // When the lease has not run out yet, nothing is released; once it has, the row is due again
        assertThat(claims.releaseExpired(NOW.plus(OutboxClaims.LEASE))).isZero();
        assertThat(status(id)).isEqualTo("SENDING");
        assertThat(claims.releaseExpired(NOW.plus(OutboxClaims.LEASE).plusMillis(1))).isEqualTo(1);
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void aSingleReplicaResumesEveryRowItsLastStopLeftSending() {
        // Given a row claimed by a run that stopped mid-send
        long id = enqueue();
        claims.claim(id, NOW);

        // When the next run starts
        int resumed = new OutboxClaims(db).resumeInterrupted();

        // Then the row is due again
        assertThat(resumed).isEqualTo(1);
        assertThat(status(id)).isEqualTo("PENDING");
    }
}
