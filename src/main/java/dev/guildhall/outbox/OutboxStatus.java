package dev.guildhall.outbox;

/**
 * Where an outbox row stands. The column takes exactly these names (a CHECK constraint, see the migration
 * {@code outbox_kinds_and_statuses} in {@code db/sqlite} and {@code db/postgresql}).
 */
public enum OutboxStatus {
    /** Written, or put back for a retry: due from {@code next_attempt_at}. */
    PENDING,
    /** Claimed by a dispatcher that is calling the platform; the only state a crash can leave ambiguous. */
    SENDING,
    /** The platform took it; {@code message_ref} says where it went. */
    DELIVERED,
    /** Given up on; {@code last_error} says why. */
    FAILED,
    /** Replaced by a newer update, or dropped because its recipient was forgotten, before it was sent. */
    SUPERSEDED
}
