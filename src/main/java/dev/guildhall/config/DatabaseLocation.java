package dev.guildhall.config;

import java.nio.file.Path;

/**
 * Where the store lives, as {@code GUILDHALL_DB} names it: a SQLite file path, a {@code jdbc:sqlite:} URL, or a
 * {@code jdbc:postgresql:} URL. Anything else is refused here, the one place that knows what is accepted.
 */
public record DatabaseLocation(String jdbcUrl) {
    public static final String VARIABLE = "GUILDHALL_DB";
    private static final String POSTGRES = "jdbc:postgresql:";

    public static DatabaseLocation of(String location) {
        if (location.startsWith("jdbc:sqlite:") || location.startsWith(POSTGRES)) {
            return new DatabaseLocation(location);
        }
        if (location.startsWith("jdbc:")) {
            throw new ConfigException(VARIABLE + " must be a file path (like ./guildhall.db), a jdbc:sqlite: URL, or a"
                    + " jdbc:postgresql://host/database URL for several replicas; got " + location);
        }
        return new DatabaseLocation("jdbc:sqlite:" + Path.of(location).toAbsolutePath());
    }

    public boolean postgres() {
        return jdbcUrl.startsWith(POSTGRES);
    }
}
