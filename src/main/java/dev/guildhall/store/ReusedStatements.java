package dev.guildhall.store;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prepared statements kept open on the writer's long-lived connection: sqlite-jdbc compiles the SQL again for every
 * statement otherwise, and the same dozen statements make up nearly every command. The least recently used is closed
 * past {@link #KEPT}. Only for one thread's connection (the writer's).
 */
final class ReusedStatements extends DefaultStatementBuilder {
    static final int KEPT = 256;

    private final Set<Statement> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= KEPT) {
                return false;
            }
            kept.remove(eldest.getValue());
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
            return super.create(connection, sql, context);
        }
        PreparedStatement statement = prepared.get(sql);
        if (statement != null && !statement.isClosed()) {
            statement.clearParameters();
            statement.clearBatch();
            return statement;
        }
        if (statement != null) {
            kept.remove(statement);
        }
        statement = super.create(connection, sql, context);
        prepared.put(sql, statement);
        kept.add(statement);
        return statement;
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        // Jdbi may hand back its own form of the SQL here, not the one the statement was created with.
        if (!kept.contains(statement)) {
            super.close(connection, sql, statement);
        }
    }

    @Override
    public void close(Connection connection) {
        prepared.values().forEach(ReusedStatements::closeQuietly);
        prepared.clear();
        kept.clear();
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // closing a statement of a connection being closed: nothing left to release
        }
    }
}
