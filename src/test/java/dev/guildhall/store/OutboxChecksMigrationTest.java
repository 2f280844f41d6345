package dev.guildhall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** SQLite rebuilds the outbox to add its CHECK constraints: nothing in it or pointing at it is lost. */
class OutboxChecksMigrationTest {
    @TempDir
    Path dir;

    @Test
    void rowsOfEveryKindAndStatusSurviveAndUnknownNamesAreRefused() {
        // foreign_keys as the store opens it: the rebuild must hold with them on
        OutboxChecksScenario scenario = new OutboxChecksScenario(
                "jdbc:sqlite:" + dir.resolve("g.db") + "?foreign_keys=true", null, null);

        scenario.givenRowsOfEveryKindAndStatusBeforeTheConstraints();

        scenario.thenTheRowsAreKeptAndOnlyKnownNamesAreAccepted();
    }
}
