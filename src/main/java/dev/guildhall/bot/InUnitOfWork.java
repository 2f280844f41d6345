package dev.guildhall.bot;

import dev.guildhall.store.Database;
import dev.guildhall.store.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Opens the unit of work the rest of the chain writes through, committing the effect and its outbox messages
 * together; a throw rolls back all of it. This link is the seam for a group commit: it is the only one that opens a
 * transaction, so batching replaces it with one that runs each request under its own SAVEPOINT of a shared one.
 */
final class InUnitOfWork implements Middleware {
    private final Database database;
    private final Clock clock;

    InUnitOfWork(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Handled handle(Exchange exchange, Next next) {
        // An anonymous request's moment is rounded down to the minute: every row it writes (its flag, question, outbox
        // messages, timers) then carries no time fine enough to tie it to a delivery, a log line or another action.
        return database.inTransaction(handle -> next.handle(exchange.within(new UnitOfWork(handle, now(exchange)))));
    }

    private Instant now(Exchange exchange) {
        return exchange.anonymous() ? clock.instant().truncatedTo(ChronoUnit.MINUTES) : clock.instant();
    }
}
