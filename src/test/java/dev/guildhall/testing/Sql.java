package dev.guildhall.testing;

import dev.guildhall.store.Database;

/** One value from a query, typed, for assertions. */
public final class Sql {
    private Sql() {
    }

    public static <T> T one(Database db, String sql, Class<T> type) {
        return db.read(h -> h.createQuery(sql).mapTo(type).one());
    }
}
