package dev.guildhall.topic;

import dev.guildhall.command.UsageException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what people type into one topic name: Unicode-normalized, lower case, single spaces, and aliases resolved
 * ({@code K8s} and {@code kubernetes} are one topic). Anything that is not a plausible topic name is refused.
 */
public final class Topics {
    public static final int MAX_LENGTH = 50;
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .+#/_-]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, String> aliases;

    public Topics(Map<String, String> aliases) {
        Map<String, String> normalized = new HashMap<>();
        aliases.forEach((alias, topic) -> normalized.put(fold(alias), fold(topic)));
        this.aliases = Map.copyOf(normalized);
    }

    /** The built-in aliases, then the admin's file (if named), whose entries win. */
    public static Topics load(Optional<Path> adminAliases) {
        Map<String, String> all = new HashMap<>();
        try (InputStream in = Topics.class.getResourceAsStream("/mentorship/topic-aliases.properties")) {
            all.putAll(read(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (adminAliases.isPresent()) {
            try (Reader reader = Files.newBufferedReader(adminAliases.get(), StandardCharsets.UTF_8)) {
                all.putAll(read(reader));
            } catch (IOException e) {
                throw new IllegalArgumentException("GUILDHALL_TOPIC_ALIASES names " + adminAliases.get()
                        + ", which cannot be read: " + e.getMessage(), e);
            }
        }
        return new Topics(all);
    }

    /** Lines of {@code alias = topic}; both sides may have spaces; {@code #} starts a comment line. */
    private static Map<String, String> read(Reader reader) throws IOException {
        Map<String, String> map = new HashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        while ((line = lines.readLine()) != null) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
                continue;
            }
            map.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        return map;
    }

    /** The topic a person meant, or a {@link UsageException} that shows them what a topic looks like. */
    public String normalize(String typed) {
        String topic = fold(typed);
        if (topic.isEmpty()) {
            throw new UsageException("Which topic? Name one, like kubernetes, or put several words in quotes: \"machine learning\".");
        }
        if (topic.length() > MAX_LENGTH) {
            throw new UsageException("That topic is " + topic.length() + " characters long; a topic has at most "
                    + MAX_LENGTH + ". Use its usual short name, like kubernetes or \"machine learning\".");
        }
        if (!VALID.matcher(topic).matches()) {
            throw new UsageException("A topic is made of letters and digits (and . + # / _ - or spaces), like kubernetes,"
                    + " c++ or \"machine learning\". Emoji and symbols can't name a topic.");
        }
        return aliases.getOrDefault(topic, topic);
    }

    private static String fold(String text) {
        String nfkc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
        return SPACES.matcher(nfkc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
