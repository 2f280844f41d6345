package dev.guildhall.outbox;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

/**
 * Messages to anyone but the caller. Each one is a row written in the caller's transaction, so it exists exactly
 * when the effect that caused it does; the {@link OutboxDispatcher} delivers it after the commit.
 */
public final class Outbox {
    private final UnitOfWork work;

    public Outbox(UnitOfWork work) {
        this.work = work;
    }

    /** @return the outbox id, which a later {@link #update} can name to replace this message in place */
    public long sendDirect(PersonId to, Message message) {
        return insert("DIRECT", to.value(), null, message);
    }

    public long post(ChannelId channel, Message message) {
        return insert("POST", channel.value(), null, message);
    }

    /** Replaces the message of an earlier outbox row, once that one is delivered. */
    public long update(long originalId, Message message) {
        return insert("UPDATE", null, originalId, message);
    }

    private long insert(String kind, String recipient, Long updatesId, Message message) {
        return work.handle().createQuery("""
                        INSERT INTO outbox (kind, recipient, updates_id, payload, status, next_attempt_at, created_at)
                        VALUES (:kind, :recipient, :updatesId, :payload, 'PENDING', :now, :now)
                        RETURNING id""")
                .bind("kind", kind)
                .bind("recipient", recipient)
                .bindByType("updatesId", updatesId, Long.class)
                .bind("payload", MessageJson.write(message))
                .bind("now", work.now())
                .mapTo(Long.class)
                .one();
    }
}
