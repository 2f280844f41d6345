package dev.guildhall.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an anonymity test reads to prove nothing links: every log line (captured at DEBUG from every logger), every
 * row of every table, and the raw bytes of a SQLite database with its WAL.
 */
public final class AnonymityEvidence implements AutoCloseable {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<Logger, Level> levelsBefore = new HashMap<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

    /**
     * Starts capturing every log line, every configured logger at DEBUG except those named (they keep their configured
     * level); {@link #close} restores the loggers.
     */
    public static AnonymityEvidence captureLogs(String... keptAtTheirLevel) {
        AnonymityEvidence evidence = new AnonymityEvidence();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null && !List.of(keptAtTheirLevel).contains(logger.getName())) {
                evidence.levelsBefore.put(logger, logger.getLevel());
                logger.setLevel(Level.DEBUG);
            }
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            evidence.detached.add(it.next());
        }
        evidence.detached.forEach(root::detachAppender);
        evidence.logs.start();
        root.addAppender(evidence.logs);
        return evidence;
    }

    @Override
    public void close() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        detached.forEach(root::addAppender);
        levelsBefore.forEach(Logger::setLevel);
    }

    /** The raw bytes of the database file and its companions (WAL, shared memory, journal), as Latin-1 text. */
    public static Map<Path, String> fileBytes(Path database) throws IOException {
        Map<Path, String> files = new HashMap<>();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path file = Path.of(database + suffix);
            if (Files.exists(file)) {
                files.put(file, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    public static Connection connect(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database);
    }

    /** Every row of every table, every column, found through the JDBC metadata so new tables are covered too. */
    public static String dumpEveryTable(Path database) throws SQLException {
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

    public String logLines() {
        StringBuilder all = new StringBuilder();
        List<ILoggingEvent> events;
        // The appender adds under its own lock while background threads still log; copy under the same lock.
        synchronized (logs) {
            events = List.copyOf(logs.list);
        }
        for (ILoggingEvent event : events) {
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
