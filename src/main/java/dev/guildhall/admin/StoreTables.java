package dev.guildhall.admin;

import org.jdbi.v3.core.Handle;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The store's tables and their columns, read from the database itself, so exports cover tables that capabilities add
 * later without being told about them (and a test can check each is declared for forgetting).
 */
final class StoreTables {
    private StoreTables() {
    }

    record Column(String name, boolean text) {
    }

    /** Table name → columns, in the database's order; Flyway's history and SQLite's own tables left out. */
    static Map<String, List<Column>> read(Handle handle) {
        try {
            DatabaseMetaData meta = handle.getConnection().getMetaData();
            Map<String, List<Column>> tables = new LinkedHashMap<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!table.startsWith("flyway_") && !table.startsWith("sqlite_")) {
                        tables.put(table, new ArrayList<>());
                    }
                }
            }
            for (Map.Entry<String, List<Column>> table : tables.entrySet()) {
                try (ResultSet rs = meta.getColumns(null, null, table.getKey(), "%")) {
                    while (rs.next()) {
                        String type = String.valueOf(rs.getString("TYPE_NAME")).toUpperCase(Locale.ROOT);
                        table.getValue().add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                type.contains("TEXT") || type.contains("CHAR")));
                    }
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the store's tables: " + e.getMessage(), e);
        }
    }
}
