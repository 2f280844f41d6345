package dev.guildhall.bot;

import dev.guildhall.core.Reply;
import dev.guildhall.outbox.MessageJson;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * Deliveries already handled, by the key the platform gave them. Platforms retry for minutes, not days, so keys
 * older than the bot's retention (a day unless configured) are forgotten, by the once-a-minute purge of
 * {@code Guildhall.runDueTasks}.
 */
final class HandledRequests {

    private final Handle handle;

    HandledRequests(Handle handle) {
        this.handle = handle;
    }

    Optional<Reply> replyTo(String key) {
        return handle.createQuery("SELECT reply FROM handled_request WHERE request_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> rs.getString("reply"))
                .findOne()
                .map(json -> json == null ? Reply.none() : new Reply(MessageJson.readAll(json)));
    }

    /**
     * Takes the key before the work is done, so a repeat handled at the same moment by another replica waits for this
     * transaction (the database holds the second insert of a key until the first commits or rolls back) and then
     * finds the key taken. {@link #answer} records the reply at the end.
     *
     * @return false if the key was taken before
     */
    boolean claim(String key, Instant now) {
        return record(key, null, now);
    }

    void answer(String key, Reply reply) {
        handle.createUpdate("UPDATE handled_request SET reply = :reply WHERE request_key = :key")
                .bind("reply", MessageJson.writeAll(reply.messages())).bind("key", key).execute();
    }

    /** Deletes the keys handled before {@code cutoff}: on the tick, not in every request's transaction. */
    int forgetHandledBefore(Instant cutoff) {
        return handle.createUpdate("DELETE FROM handled_request WHERE handled_at < :cutoff")
                .bind("cutoff", cutoff).execute();
    }

    /** @return false if the key was recorded before */
    boolean record(String key, Reply reply, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO handled_request (request_key, reply, handled_at) VALUES (:key, :reply, :now)
                        ON CONFLICT (request_key) DO NOTHING""")
                .bind("key", key)
                .bindByType("reply", reply == null ? null : MessageJson.writeAll(reply.messages()), String.class)
                .bind("now", now)
                .execute() == 1;
    }
}
