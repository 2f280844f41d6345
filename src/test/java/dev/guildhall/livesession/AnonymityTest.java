package dev.guildhall.livesession;

import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.AnonymityEvidence;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's second acceptance point: after live sessions — one of them across a restart — nothing in any table,
 * any log line or the database files names anyone who only flagged, asked or voted.
 */
class AnonymityTest {
    private static final List<String> TRAINEES = List.of("bob", "carol", "dave");

    @TempDir
    Path directory;
    private AnonymityEvidence evidence;

    @BeforeEach
    void captureEveryLogLineAtDebug() {
        evidence = AnonymityEvidence.captureLogs();
    }

    @AfterEach
    void restoreLogging() {
        evidence.close();
    }

    @Test
    void traineesLeaveNoTraceInTheDatabaseOrTheLogs() throws Exception {
        // Given the acceptance session in #vpc, and a second one in #k8s that lives through a restart
        Path database = directory.resolve("guildhall.db");
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z"));
        ConsoleRunner.runScript(database, clock, ConsoleRunner.resource("/livesession/acceptance.txt"));
        ConsoleRunner.runScript(database, clock, """
                @alice #k8s /session start "Pods and services" --threshold 2
                @bob #k8s /wait why does my pod restart?
                @carol #k8s !press livesession.wait:2
                @dave #k8s !press livesession.upvote:2
                """);
        clock.advance(Duration.ofMinutes(1));
        ConsoleRunner.runScript(database, clock, """
                @dave #k8s /wait
                @bob #k8s !press livesession.ok:2
                @carol #k8s !press livesession.upvote:2
                @carol #k8s !press livesession.wait:2
                !advance 6m
                @alice #k8s /session end
                @alice !press livesession.recap:2
                """);

        // When every table and every log line is read
        String tables = AnonymityEvidence.dumpEveryTable(database);
        String logLines = evidence.logLines();

        // Then the dumps are real (the presenter, the sessions and the logs are there)...
        assertThat(tables).contains("console:alice").contains("why does my pod restart?")
                .contains("what is a transit gateway?").contains("wait_flag").contains("live_session");
        assertThat(logLines).contains("live session 1 started").contains("started key generation 2");
        // ...and no trainee appears anywhere, in any form
        for (String trainee : TRAINEES) {
            assertThat(tables.toLowerCase(Locale.ROOT)).as("tables mention " + trainee).doesNotContain(trainee);
            assertThat(logLines.toLowerCase(Locale.ROOT)).as("logs mention " + trainee).doesNotContain(trainee);
        }
        // and the person table holds exactly the presenter: nobody else was even recorded as seen
        try (Connection connection = AnonymityEvidence.connect(database); Statement statement = connection.createStatement();
             ResultSet people = statement.executeQuery("SELECT id FROM person")) {
            List<String> ids = new ArrayList<>();
            while (people.next()) {
                ids.add(people.getString(1));
            }
            assertThat(ids).containsExactly("console:alice");
        }
    }

    @Test
    void noTokenOutlivesItsSessionAndNoFileBytesNameATrainee() throws Exception {
        Path database = directory.resolve("guildhall.db");
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z"));
        ConsoleRunner.runScript(database, clock, ConsoleRunner.resource("/livesession/acceptance.txt"));

        try (Connection connection = AnonymityEvidence.connect(database); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT COUNT(*) FROM wait_flag")).isEqualTo(3);
            assertThat(count(statement, "SELECT COUNT(*) FROM wait_flag WHERE token IS NOT NULL")).isZero();
            assertThat(count(statement, "SELECT COUNT(*) FROM wait_vote")).isZero();
        }
        AnonymityEvidence.fileBytes(database).forEach((file, bytes) -> {
            for (String trainee : TRAINEES) {
                assertThat(bytes.contains(trainee)).as("the bytes of " + file + " contain " + trainee).isFalse();
            }
        });
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
