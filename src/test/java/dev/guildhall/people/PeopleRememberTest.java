package dev.guildhall.people;

import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller's row is rewritten only when something in it changes (issue 19: fewer writes per command). */
class PeopleRememberTest {
    static final PersonId ADA = new PersonId("slack:T1:U1");
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aCallerSeenAgainWithNothingNewLeavesTheRowAloneUntilTheHourHasPassed(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("people.db").toString())) {
            // Given Ada seen once
            remember(db, new Person(ADA, "Ada", Optional.of(ZoneId.of("Europe/Paris"))), T0);

            // When she calls again twice within the hour, the second time without a time zone
            int sameName = remember(db, Person.of(ADA, "Ada"), T0.plus(Duration.ofMinutes(10)));
            int zoneAgain = remember(db, new Person(ADA, "Ada", Optional.of(ZoneId.of("Europe/Paris"))),
                    T0.plus(Duration.ofMinutes(20)));

            // Then nothing was written; a new name is written at once; an hour later "last seen" moves on
            assertThat(sameName).isZero();
            assertThat(zoneAgain).isZero();
            assertThat(remember(db, Person.of(ADA, "Ada L."), T0.plus(Duration.ofMinutes(30)))).isEqualTo(1);
            assertThat(remember(db, Person.of(ADA, "Ada L."), T0.plus(Duration.ofMinutes(100)))).isEqualTo(1);
            Optional<Person> stored = db.read(h -> new People(h).find(ADA));
            long lastSeen = db.read(h -> h.createQuery("SELECT last_seen_at FROM person").mapTo(Long.class).one());
            assertThat(stored).contains(new Person(ADA, "Ada L.", Optional.of(ZoneId.of("Europe/Paris"))));
            assertThat(lastSeen).isEqualTo(T0.plus(Duration.ofMinutes(100)).toEpochMilli());
        }
    }

    private static int remember(Database db, Person person, Instant now) {
        return db.inTransaction(h -> {
            new People(h).remember(person, now);
            return h.createQuery("SELECT changes()").mapTo(Integer.class).one();
        });
    }
}
