package dev.guildhall.ops;

import dev.guildhall.store.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether the store answers. For SQLite the file itself is checked too: pooled connections keep reading a file that
 * was made unreadable, moved away or replaced, but the next connection (or the next process) would not, so the check
 * asks for the same file as at start-up, readable and writable — by its owner's permission bits as well, which even
 * a process running as root then fails on.
 */
public final class DatabaseCheck implements BooleanSupplier {
    private final Database database;
    private final Optional<Path> file;
    private final Object fileKey;

    public DatabaseCheck(Database database, String location) {
        this.database = database;
        this.file = sqliteFile(location);
        this.fileKey = file.map(DatabaseCheck::fileKey).orElse(null);
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private boolean fileUsable(Path path) {
        try {
            if (!Files.isRegularFile(path) || !Files.isReadable(path) || !Files.isWritable(path)
                    || !Objects.equals(fileKey, fileKey(path))) {
                return false;
            }
            if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
                var permissions = Files.readAttributes(path, PosixFileAttributes.class).permissions();
                return permissions.contains(PosixFilePermission.OWNER_READ)
                        && permissions.contains(PosixFilePermission.OWNER_WRITE);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<Path> sqliteFile(String location) {
        String path;
        if (location.startsWith("jdbc:sqlite:")) {
            path = location.substring("jdbc:sqlite:".length());
            int query = path.indexOf('?');
            path = query < 0 ? path : path.substring(0, query);
            if (path.startsWith("file:")) {
                path = path.substring("file:".length());
            }
        } else if (location.startsWith("jdbc:")) {
            return Optional.empty();
        } else {
            path = location;
        }
        return path.isEmpty() || path.equals(":memory:") ? Optional.empty() : Optional.of(Path.of(path));
    }

    @Override
    public boolean getAsBoolean() {
        if (file.isPresent() && !fileUsable(file.get())) {
            return false;
        }
        return database.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    }
}
