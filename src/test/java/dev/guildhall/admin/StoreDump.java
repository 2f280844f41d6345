package dev.guildhall.admin;

import dev.guildhall.store.Database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every row of every table (SQLite), keyed by table and rowid, to compare a store before and after a change. */
record StoreDump(Map<String, Map<Long, Map<String, String>>> tables) {

    static StoreDump of(Database database) {
        return new StoreDump(database.read(h -> {
            Map<String, Map<Long, Map<String, String>>> tables = new LinkedHashMap<>();
            for (String table : h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'flyway_%' ORDER BY name").mapTo(String.class).list()) {
                Map<Long, Map<String, String>> rows = new LinkedHashMap<>();
                h.createQuery("SELECT rowid AS dump_rowid, * FROM \"" + table + "\"").mapToMap().forEach(row -> {
                    Map<String, String> cells = new LinkedHashMap<>();
                    row.forEach((column, value) -> {
                        if (!column.equals("dump_rowid")) {
                            cells.put(column, value == null ? null : String.valueOf(value));
                        }
                    });
                    rows.put(((Number) row.get("dump_rowid")).longValue(), cells);
                });
                tables.put(table, rows);
            }
            return tables;
        }));
    }

    /** One difference: a changed cell, or a whole row added or removed. */
    record Change(String table, long rowid, String column, String before, String after) {
        boolean added() {
            return before == null && column.equals("*");
        }

        @Override
        public String toString() {
            return table + "#" + rowid + "." + column + ": " + before + " → " + after;
        }
    }

    /** What changed, leaving out every row that named {@code person} (exactly, in any column) before. */
    List<Change> changesOutside(StoreDump after, String person) {
        List<Change> changes = new ArrayList<>();
        tables.forEach((table, rows) -> rows.forEach((rowid, cells) -> {
            if (cells.containsValue(person)) {
                return;
            }
            Map<String, String> now = after.tables.getOrDefault(table, Map.of()).get(rowid);
            if (now == null) {
                changes.add(new Change(table, rowid, "*", cells.toString(), null));
                return;
            }
            cells.forEach((column, value) -> {
                if (!Objects.equals(value, now.get(column))) {
                    changes.add(new Change(table, rowid, column, value, now.get(column)));
                }
            });
        }));
        after.tables.forEach((table, rows) -> rows.forEach((rowid, cells) -> {
            if (!tables.getOrDefault(table, Map.of()).containsKey(rowid)) {
                changes.add(new Change(table, rowid, "*", null, cells.toString()));
            }
        }));
        return changes;
    }

    /** Every value in the store, for searching. */
    List<String> values() {
        List<String> values = new ArrayList<>();
        tables.forEach((table, rows) -> rows.values().forEach(cells -> cells.forEach((column, value) ->
                values.add(table + "." + column + " = " + value))));
        return values;
    }
}
