package dev.guildhall.store;

import dev.guildhall.app.Config;
import dev.guildhall.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** PostgreSQL: repeating times stored as words become RRULEs that mean the same. */
class RecurrenceRulesPostgresIT {

    @Test
    void wordsBecomeRrules() {
        try (Postgres postgres = new Postgres()) {
            Map<String, String> env = postgres.env();
            RecurrenceRulesScenario scenario = new RecurrenceRulesScenario(postgres.url(), env.get(Config.DB_USER),
                    env.get(Config.DB_PASSWORD));

            scenario.givenRepeatingTimesStoredAsWords();

            scenario.thenEveryRuleIsAnRruleThatMeansTheSame();
        }
    }
}
