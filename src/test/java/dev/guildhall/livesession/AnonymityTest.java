package dev.guildhall.livesession;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import dev.guildhall.core.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's second acceptance point: after live sessions — one of them across a restart — nothing in any table,
 * any log line or the database files names anyone who only flagged, asked or voted.
 */
class AnonymityTest {
    private static final List<String> TRAINEES = List.of("bob", "carol", "dave");

    @TempDir
    Path directory;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<Logger, Level> levelsBefore = new HashMap<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

    @BeforeEach
    void captureEveryLogLineAtDebug() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                levelsBefore.put(logger, logger.getLevel());
                logger.setLevel(Level.DEBUG);
            }
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restoreLogging() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        detached.forEach(root::addAppender);
        levelsBefore.forEach(Logger::setLevel);
    }

    @Test
    void traineesLeaveNoTraceInTheDatabaseOrTheLogs() throws Exception {
        // Given the acceptance session in #vpc, and a second one in #k8s that lives through a restart
        Path database = directory.resolve("guildhall.db");
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z"));
        ConsoleRun.run(database, clock, ConsoleRun.resource("/livesession/acceptance.txt"));
        ConsoleRun.run(database, clock, """
                @alice #k8s /session start "Pods and services" --threshold 2
                @bob #k8s /wait why does my pod restart?
                @carol #k8s !press livesession.wait:2
                @dave #k8s !press livesession.upvote:2
                """);
        clock.advance(Duration.ofMinutes(1));
        ConsoleRun.run(database, clock, """
                @dave #k8s /wait
                @bob #k8s !press livesession.ok:2
                @carol #k8s !press livesession.upvote:2
                @carol #k8s !press livesession.wait:2
                !advance 6m
                @alice #k8s /session end
                @alice !press livesession.recap:2
                """);

        // When every table and every log line is read
        String tables = dumpEveryTable(database);
        String logLines = logLines();

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
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
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
        ConsoleRun.run(database, clock, ConsoleRun.resource("/livesession/acceptance.txt"));

        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT COUNT(*) FROM wait_flag")).isEqualTo(3);
            assertThat(count(statement, "SELECT COUNT(*) FROM wait_flag WHERE token IS NOT NULL")).isZero();
            assertThat(count(statement, "SELECT COUNT(*) FROM wait_vote")).isZero();
        }
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path file = Path.of(database + suffix);
            if (Files.exists(file)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String trainee : TRAINEES) {
                    assertThat(bytes.contains(trainee)).as("the bytes of " + file + " contain " + trainee).isFalse();
                }
            }
        }
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection connect(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database);
    }

    /** Every row of every table, every column, found through the JDBC metadata so new tables are covered too. */
    private static String dumpEveryTable(Path database) throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = connect(database)) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "SYSTEM TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    // SQLite reports the indexes behind UNIQUE constraints as system tables; they hold no rows of their own.
                    if (!name.startsWith("sqlite_autoindex_")) {
                        tables.add(name);
                    }
                }
            }
            if (!tables.contains("sqlite_master")) {
                tables.add("sqlite_master");
            }
            assertThat(tables).contains("person", "outbox", "scheduled_task", "live_session", "wait_flag",
                    "wait_question", "wait_vote");
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    dump.append("== ").append(table).append('\n');
                    try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int c = 1; c <= columns; c++) {
                                dump.append(rows.getMetaData().getColumnName(c)).append('=')
                                        .append(rows.getString(c)).append(" | ");
                            }
                            dump.append('\n');
                        }
                    }
                }
            }
        }
        return dump.toString();
    }

    private String logLines() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            all.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getThreadName()).append(' ').append(event.getFormattedMessage())
                    .append(' ').append(event.getMDCPropertyMap());
            if (event.getThrowableProxy() != null) {
                all.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            all.append('\n');
        }
        return all.toString();
    }
}
