package dev.guildhall.testing;

import dev.guildhall.store.Database;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts the SQL statements a piece of work runs on a database (on any thread: SQLite's writes run on the writer
 * thread), so a test can show a command's statement count does not grow with the rows it handles. A batch counts
 * once, as it reaches the database once; the background WAL checkpoint is not counted.
 */
public final class SqlStatements implements SqlLogger {
    private final List<String> seen = new ArrayList<>();

    private SqlStatements() {
    }

    /** Starts counting every statement the database's handles run from now on. */
    public static SqlStatements on(Database database) {
        SqlStatements statements = new SqlStatements();
        database.logStatements(statements);
        return statements;
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        String sql = context.getRenderedSql();
        if (sql != null && !sql.contains("wal_checkpoint")) {
            synchronized (seen) {
                seen.add(sql.strip().replaceAll("\\s+", " "));
            }
        }
    }

    @Override
    public void logException(StatementContext context, java.sql.SQLException ex) {
        logAfterExecution(context);
    }

    /** What {@code work} ran, in order. */
    public Counted during(Runnable work) {
        int from;
        synchronized (seen) {
            from = seen.size();
        }
        work.run();
        synchronized (seen) {
            return new Counted(List.copyOf(seen.subList(from, seen.size())));
        }
    }

    /** The statements some work ran: reads (SELECT, WITH) and writes (the rest), each as run. */
    public record Counted(List<String> statements) {
        public int all() {
            return statements.size();
        }

        public int reads() {
            return (int) statements.stream().filter(Counted::isRead).count();
        }

        public int writes() {
            return all() - reads();
        }

        private static boolean isRead(String sql) {
            String start = sql.toUpperCase(Locale.ROOT);
            return start.startsWith("SELECT") || start.startsWith("WITH");
        }

        public String summary() {
            return all() + " statements (" + reads() + " reads, " + writes() + " writes)";
        }

        @Override
        public String toString() {
            return summary() + ":\n  " + String.join("\n  ", statements);
        }
    }
}
