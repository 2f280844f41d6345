package dev.guildhall.store;

import dev.guildhall.config.ConfigException;
import dev.guildhall.core.PersonId;
import dev.guildhall.testing.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsMigratedWithWalAndForeignKeysOn() {
        Path file = dir.resolve("g.db");
        try (Database db = Database.open(file.toString())) {
            assertThat(Files.exists(file)).isTrue();
            assertThat(Sql.one(db, "PRAGMA journal_mode", String.class)).isEqualTo("wal");
            assertThat(Sql.one(db, "PRAGMA foreign_keys", Integer.class)).isEqualTo(1);
            assertThat(Sql.one(db, "PRAGMA busy_timeout", Integer.class)).isPositive();
            assertThat(Sql.one(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class)).isPositive();
        }
    }

    @Test
    void noCommitPaysForACheckpointABackgroundThreadDoesIt() {
        try (Database db = Database.open(dir.resolve("g.db").toString())) {
            assertThat(Sql.one(db, "PRAGMA wal_autocheckpoint", Integer.class)).isZero();
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("sqlite-checkpoint"));
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = Database.open(dir.resolve("g.db").toString())) {
            assertThatThrownBy(() -> db.inTransaction(h -> h.createUpdate(
                    "INSERT INTO ticket (learner_id, topic, status, created_at) VALUES ('console:nobody', 'go', 'WAITING', 0)")
                    .execute())).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void instantsRoundTripAsEpochMillisAndSurviveReopening() {
        Path file = dir.resolve("g.db");
        Instant when = Instant.parse("2026-03-02T09:15:30.123Z");
        try (Database db = Database.open(file.toString())) {
            db.inTransaction(h -> h.createUpdate("""
                            INSERT INTO person (id, display_name, first_seen_at, last_seen_at)
                            VALUES ('console:alice', 'alice', :t, :t)""").bind("t", when).execute());
        }
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            assertThat(Sql.one(db, "SELECT first_seen_at FROM person", Instant.class))
                    .isEqualTo(when);
            assertThat(Sql.one(db, "SELECT first_seen_at FROM person", Long.class))
                    .isEqualTo(when.toEpochMilli());
        }
    }

    @Test
    void aFailingTransactionLeavesNothingBehind() {
        try (Database db = Database.open(dir.resolve("g.db").toString())) {
            assertThatThrownBy(() -> db.inTransaction(h -> {
                h.createUpdate("INSERT INTO person (id, display_name, first_seen_at, last_seen_at) VALUES ('console:a', 'a', 0, 0)")
                        .execute();
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(Sql.one(db, "SELECT COUNT(*) FROM person", Integer.class)).isZero();
        }
    }

    record StoredPerson(PersonId id, String displayName, Optional<ZoneId> timeZone, Instant firstSeenAt) {
    }

    record Reference(PersonId person, String displayName) {
    }

    @Test
    void idsZonesAndTimesBindAndMapThemselvesAndRecordsMapByTheirComponentNames() {
        try (Database db = Database.open(dir.resolve("g.db").toString())) {
            // Given two people written with their values bound as they are (one zone unknown to the JDK)
            Instant seen = Instant.parse("2026-03-04T09:00:00Z");
            db.inTransaction(h -> h.createUpdate("INSERT INTO person (id, display_name, time_zone, first_seen_at,"
                            + " last_seen_at) VALUES (:id, 'Alice', :zone, :seen, :seen)")
                    .bind("id", new PersonId("console:alice")).bind("zone", ZoneId.of("Europe/Paris"))
                    .bind("seen", seen).execute()
                    + h.createUpdate("INSERT INTO person VALUES ('console:bob', 'Bob', 'Mars/Olympus', 0, 0)").execute());

            // When they are read into a record
            var people = db.read(h -> h.createQuery("SELECT * FROM person ORDER BY id")
                    .mapTo(StoredPerson.class).list());

            // Then every column arrives as its value, and a zone no one knows as none
            assertThat(Sql.one(db, "SELECT time_zone FROM person WHERE id = 'console:alice'", String.class))
                    .isEqualTo("Europe/Paris");
            assertThat(people).containsExactly(
                    new StoredPerson(new PersonId("console:alice"), "Alice", Optional.of(ZoneId.of("Europe/Paris")), seen),
                    new StoredPerson(new PersonId("console:bob"), "Bob", Optional.empty(), Instant.EPOCH));
            // And a component named for what a column refers to takes it: person from person_id
            Reference bob = db.read(h -> h.createQuery("SELECT id AS person_id, display_name FROM person WHERE id = :id")
                    .bind("id", new PersonId("console:bob")).mapTo(Reference.class).one());
            assertThat(bob).isEqualTo(new Reference(new PersonId("console:bob"), "Bob"));
        }
    }

    @Test
    void otherDatabasesAreRefusedWithTheVariableNamed() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://x/y")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("GUILDHALL_DB must be a file path");
    }
}
