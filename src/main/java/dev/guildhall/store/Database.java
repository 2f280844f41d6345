package dev.guildhall.store;

import com.zaxxer.hikari.HikariConfig;
import dev.guildhall.config.DatabaseLocation;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The store: SQLite by default (one file, WAL), or PostgreSQL for several replicas; migrated by Flyway at open (the
 * same migrations, see {@link Dialect}), used through Jdbi. Times are stored as epoch milliseconds so the same SQL
 * serves both; the core's values bind and map directly (see {@link StoredValues}).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Dialect dialect;
    private final Jdbi jdbi;
    private final GroupCommit writer;
    private final ScheduledExecutorService checkpointer;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        StoredValues.register(jdbi);
        this.checkpointer = dialect == Dialect.SQLITE ? checkpointInBackground() : null;
        this.writer = dialect == Dialect.SQLITE ? new GroupCommit(jdbi) : null;
    }

    /**
     * SQLite's WAL grows with every commit until a checkpoint writes it back. Left to SQLite, the commit that crosses
     * the threshold does it, and pays milliseconds for everyone's writes; here a thread does it every second,
     * without waiting for readers or writers (PASSIVE), so no command waits for it.
     */
    private ScheduledExecutorService checkpointInBackground() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sqlite-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapToMap().list());
            } catch (RuntimeException e) {
                log.warn("the background checkpoint failed; trying again in a second", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        return executor;
    }

    /** Opens (creating if needed) and migrates the database at a file path or {@code jdbc:sqlite:} URL. */
    public static Database open(String location) {
        return open(location, null, null);
    }

    /**
     * Opens and migrates the database at a file path, a {@code jdbc:sqlite:} URL or a {@code jdbc:postgresql:} URL
     * (then {@code user} and {@code password} log in; null for none).
     */
    public static Database open(String location, String user, String password) {
        String url = DatabaseLocation.of(location).jdbcUrl();
        Dialect dialect = Dialect.of(url);
        HikariDataSource dataSource = new HikariDataSource(dialect == Dialect.POSTGRESQL
                ? postgres(url, user, password) : sqlite(url));
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect.migrations().toArray(String[]::new))
                    .placeholders(dialect.placeholders())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect);
    }

    private static HikariConfig postgres(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("guildhall-postgresql");
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return config;
    }

    private static HikariConfig sqlite(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("guildhall-sqlite");
        // SQLite takes one writer at a time; a small pool keeps readers concurrent without piling up writers.
        config.setMaximumPoolSize(4);
        // Passed as connection properties: an init-SQL string with several PRAGMAs would only run the first.
        Map.of("journal_mode", "WAL",
                "busy_timeout", "10000",
                "foreign_keys", "true",
                "synchronous", "NORMAL",
                "transaction_mode", "IMMEDIATE").forEach(config::addDataSourceProperty);
        // No commit pays for a checkpoint (the write-back of the WAL and its fsync, about one commit in a hundred):
        // a background thread checkpoints instead, see checkpointInBackground.
        config.setConnectionInitSql("PRAGMA wal_autocheckpoint=0");
        return config;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The pool itself, for Quartz's clustered JobStore (its tables live in this database). */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs work in one transaction: everything it writes commits together, or nothing does; returns (or throws) only
     * once that is settled. On SQLite the work runs on the one writer thread, grouped with the work of other callers
     * waiting at the same moment under one commit, each under its own SAVEPOINT ({@link GroupCommit}); PostgreSQL
     * takes concurrent transactions itself.
     */
    public <T> T inTransaction(Function<Handle, T> work) {
        if (writer == null) {
            return jdbi.inTransaction(work::apply);
        }
        return writer.run(work);
    }

    /**
     * Runs a write nobody needs to wait for: on SQLite it is queued and commits with the writer's next group (within
     * a tenth of a second at most), on PostgreSQL it runs now in a transaction of its own. What it throws is logged
     * on SQLite and thrown on PostgreSQL.
     */
    public void writeSoon(Consumer<Handle> work) {
        if (writer == null) {
            jdbi.useTransaction(work::accept);
        } else {
            writer.runSoon(work);
        }
    }

    /** SQLite: writes queued for the writer thread right now (0 on PostgreSQL). */
    public int writesWaiting() {
        return writer == null ? 0 : writer.waiting();
    }

    /** SQLite: transactions the writer thread has committed, each holding one or more callers' writes. */
    public long groupsCommitted() {
        return writer == null ? 0 : writer.groupsCommitted();
    }

    /** For tests: runs on SQLite's writer thread just before each commit. */
    void beforeCommit(Runnable hook) {
        writer.beforeCommit(hook);
    }

    /**
     * From now on every statement is told to {@code logger}, on the writer thread's long-lived handle too (tests
     * count the statements a command runs with it).
     */
    public void logStatements(SqlLogger logger) {
        jdbi.setSqlLogger(logger);
        if (writer != null) {
            writer.run(handle -> handle.setSqlLogger(logger));
        }
    }

    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.shutdownNow();
        }
        if (writer != null) {
            writer.close();
        }
        dataSource.close();
    }
}
