package dev.guildhall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** SQLite: repeating times stored as words become RRULEs that mean the same. */
class RecurrenceRulesMigrationTest {
    @TempDir
    Path dir;

    @Test
    void wordsBecomeRrules() {
        RecurrenceRulesScenario scenario = new RecurrenceRulesScenario(
                "jdbc:sqlite:" + dir.resolve("g.db") + "?foreign_keys=true", null, null);

        scenario.givenRepeatingTimesStoredAsWords();

        scenario.thenEveryRuleIsAnRruleThatMeansTheSame();
    }
}
