package dev.guildhall.outbox;

/** An outbox row as the dispatcher scans it: everything but the payload, which is read only when claimed. */
record OutboxRow(long id, OutboxKind kind, String recipient, Long updatesId, Long batchId, int attempts) {
}
