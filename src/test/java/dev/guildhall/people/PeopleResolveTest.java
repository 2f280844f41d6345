package dev.guildhall.people;

import dev.guildhall.core.Mentions;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleResolveTest {
    private static final PersonId CALLER = new PersonId("slack:T1:UCALLER");

    @TempDir
    Path dir;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("p.db").toString());
        database.inTransaction(h -> {
            People people = new People(h);
            people.remember(Person.of(new PersonId("slack:T1:UBOB"), "Bob"), Instant.EPOCH);
            people.remember(Person.of(new PersonId("slack:T2:UBOB"), "Bob"), Instant.EPOCH);
            people.remember(Person.of(new PersonId("slack:T1:UAL1"), "Al"), Instant.EPOCH);
            people.remember(Person.of(new PersonId("slack:T1:UAL2"), "al"), Instant.EPOCH);
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Optional<Person> resolve(String written) {
        return database.read(h -> new People(h).resolve(Mentions.person(CALLER, written).orElseThrow()));
    }

    private boolean ambiguous(String written) {
        Boolean answer = database.read(h -> new People(h).isAmbiguous(Mentions.person(CALLER, written).orElseThrow()));
        return answer;
    }

    @Test
    void aNameIsLookedUpOnlyInTheCallersWorkspace() {
        assertThat(resolve("@bob")).map(Person::id).contains(new PersonId("slack:T1:UBOB"));
    }

    @Test
    void anAmbiguousOrUnknownNameResolvesToNobody() {
        assertThat(resolve("@al")).isEmpty();
        assertThat(resolve("@zed")).isEmpty();
        assertThat(ambiguous("@al")).isTrue();
        assertThat(ambiguous("@zed")).isFalse();
    }

    @Test
    void anIdMustBeSomeoneTheBotHasSeen() {
        assertThat(resolve(new Mentions.PersonToken(new PersonId("slack:T1:UBOB"), "bob").text()))
                .map(Person::displayName).contains("Bob");
        assertThat(resolve(new Mentions.PersonToken(new PersonId("slack:T1:UNEW"), "new").text())).isEmpty();
    }
}
