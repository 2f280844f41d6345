package dev.guildhall.testing;

import dev.guildhall.app.Config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL server for the replica tests (run with {@code -Ppostgres}; {@code .ci/postgres start} makes one):
 * each instance is a fresh schema of its own, dropped at close, so tests never see each other's rows.
 */
public final class Postgres implements AutoCloseable {
    /** Long enough for HKDF; every replica of a test gets the same one, like a cluster would. */
    public static final String SESSION_SECRET = "test-cluster-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    private final String server;
    private final String user;
    private final String password;
    private final String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public Postgres() {
        this.server = System.getProperty("guildhall.test.postgres", "jdbc:postgresql://127.0.0.1:54329/guildhall");
        this.user = System.getProperty("guildhall.test.postgres.user", "guildhall");
        this.password = System.getProperty("guildhall.test.postgres.password", "guildhall");
        execute("CREATE SCHEMA " + schema);
    }

    /** The JDBC URL of this test's schema. */
    public String url() {
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String schema() {
        return schema;
    }

    /** The environment a replica on this schema starts with. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put(Config.DB, url());
        env.put(Config.DB_USER, user);
        env.put(Config.DB_PASSWORD, password);
        env.put(Config.SESSION_SECRET, SESSION_SECRET);
        return env;
    }

    public Config config(Map<String, String> more) {
        Map<String, String> all = env();
        all.putAll(more);
        return Config.from(all);
    }

    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + " (start one with .ci/postgres start): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
