package dev.guildhall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The environment variables the bot reads, found in its source, and those a document lists. */
public final class EnvironmentNames {
    /**
     * {@code public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";} — how every setting's name is declared
     * (public, so package-private enum-like constants such as a state name are not taken for settings).
     */
    private static final Pattern CONSTANT = Pattern.compile(
            "public static final String \\w+ = \"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern GETENV = Pattern.compile("getenv\\(\"([A-Z][A-Z0-9_]*)\"\\)");
    /** A name with a settings prefix written anywhere, like {@code value(env, "GUILDHALL_X")}. */
    private static final Pattern PREFIXED = Pattern.compile(
            "\"((?:GUILDHALL|SLACK|MICROSOFT|LOG)_[A-Z0-9]+(?:_[A-Z0-9]+)*)\"");
    /** logback.xml's {@code ${NAME:-default}}. */
    private static final Pattern LOGBACK = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?}");
    /** {@code NAME=} at the start of a line of .env.example. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=");
    /** A configuration table row: {@code | `NAME` | default | meaning |}. */
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]*)` \\|");

    private EnvironmentNames() {
    }

    public static Set<String> readByTheCode() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String source = read(file);
                collect(CONSTANT, source, names);
                collect(GETENV, source, names);
                collect(PREFIXED, source, names);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collect(LOGBACK, read(Path.of("src/main/resources/logback.xml")), names);
        return names;
    }

    public static Set<String> inEnvExample() {
        Set<String> names = new TreeSet<>();
        collect(ASSIGNMENT, read(Path.of(".env.example")), names);
        return names;
    }

    /** The rows of docs/operations.md's "Configuration" section (up to the next section of its level). */
    public static Set<String> inConfigurationTable() {
        String page = read(Path.of("docs/operations.md"));
        int start = page.indexOf("\n## Configuration\n");
        if (start < 0) {
            throw new AssertionError("docs/operations.md has no \"## Configuration\" section");
        }
        int end = page.indexOf("\n## ", start + 5);
        Set<String> names = new TreeSet<>();
        collect(TABLE_ROW, page.substring(start, end < 0 ? page.length() : end), names);
        return names;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
