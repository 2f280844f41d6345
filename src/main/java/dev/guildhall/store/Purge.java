package dev.guildhall.store;

import org.jdbi.v3.core.Handle;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Deletes old rows of a table in small transactions, leaving every row that another table still refers to by a
 * foreign key (a message that will be updated in place, a batch's progress message, an original an update follows).
 * The references are read from the schema itself, so a table added later that points at these rows keeps them too.
 */
public final class Purge {
    /** Rows deleted per transaction: the writer is held ~10 ms, so commands waiting behind it barely notice. */
    public static final int CHUNK = 2_000;

    private static final Map<String, List<String>> referencesByTable = new ConcurrentHashMap<>();

    private Purge() {
    }

    /**
     * Deletes the rows of {@code table} (primary key {@code id}) matching {@code condition}, in chunks of
     * {@link #CHUNK} (oldest ids first), each in its own transaction; returns how many went.
     *
     * @param binds binds the condition's parameters
     */
    public static int rows(Database database, String table, String condition, Consumer<BindsOf> binds) {
        String sql = "DELETE FROM " + table + " WHERE id IN (SELECT t.id FROM " + table + " t WHERE (" + condition
                + ")" + notReferenced(database, table) + " ORDER BY t.id LIMIT " + CHUNK + ")";
        int total = 0;
        int deleted;
        do {
            deleted = database.inTransaction(h -> {
                var update = h.createUpdate(sql);
                binds.accept(update::bind);
                return update.execute();
            });
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }

    /** Binds one named parameter of a purge's condition. */
    @FunctionalInterface
    public interface BindsOf {
        void bind(String name, Object value);
    }

    private static String notReferenced(Database database, String table) {
        StringBuilder sql = new StringBuilder();
        for (String reference : referencesByTable.computeIfAbsent(table, t -> database.read(h -> references(h, t)))) {
            String[] parts = reference.split("\\.");
            // NOT IN, not NOT EXISTS: the referencing column may have no index, and both stores build the set of
            // referenced ids once per statement instead of scanning the other table for every candidate row.
            sql.append(" AND t.id NOT IN (SELECT ").append(parts[1]).append(" FROM ").append(parts[0])
                    .append(" WHERE ").append(parts[1]).append(" IS NOT NULL)");
        }
        return sql.toString();
    }

    /** Every {@code table.column} holding a foreign key to {@code table}. */
    static List<String> references(Handle handle, String table) {
        List<String> references = new ArrayList<>();
        try {
            DatabaseMetaData metaData = handle.getConnection().getMetaData();
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet keys = metaData.getExportedKeys(null, null, name)) {
                    while (keys.next()) {
                        String reference = keys.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                                + keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                        if (!references.contains(reference)) {
                            references.add(reference);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read which tables refer to " + table, e);
        }
        return List.copyOf(references);
    }
}
