package dev.guildhall.store;

import dev.guildhall.app.Config;
import dev.guildhall.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** PostgreSQL adds the outbox's CHECK constraints to a table holding rows of every kind and status. */
class OutboxChecksPostgresIT {

    @Test
    void rowsOfEveryKindAndStatusSurviveAndUnknownNamesAreRefused() {
        try (Postgres postgres = new Postgres()) {
            Map<String, String> env = postgres.env();
            OutboxChecksScenario scenario = new OutboxChecksScenario(postgres.url(), env.get(Config.DB_USER),
                    env.get(Config.DB_PASSWORD));

            scenario.givenRowsOfEveryKindAndStatusBeforeTheConstraints();

            scenario.thenTheRowsAreKeptAndOnlyKnownNamesAreAccepted();
        }
    }
}
