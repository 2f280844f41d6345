package dev.guildhall.app;

import dev.guildhall.core.Admins;
import dev.guildhall.core.Durations;
import dev.guildhall.core.PersonId;
import dev.guildhall.ops.LogLine;
import dev.guildhall.outbox.SendPace;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** Settings read from environment variables and checked once, at start-up. */
public record Config(String database, Optional<Path> topicAliases, Duration matchAnswerDeadline,
                     SendPace sendPace, Admins admins, Optional<URI> publicUrl) {
    public static final String DB = "GUILDHALL_DB";
    public static final String TOPIC_ALIASES = "GUILDHALL_TOPIC_ALIASES";
    public static final String MATCH_DEADLINE = "GUILDHALL_MATCH_DEADLINE";
    public static final String SEND_PACE = "GUILDHALL_SEND_PACE";
    public static final String ADMINS = "GUILDHALL_ADMINS";
    public static final String PUBLIC_URL = "GUILDHALL_PUBLIC_URL";

    public static Config from(Map<String, String> env) {
        String database = value(env, DB).orElse("guildhall.db");
        if (database.startsWith("jdbc:") && !database.startsWith("jdbc:sqlite:")) {
            throw new ConfigException(DB + " must be a file path (like ./guildhall.db) or a jdbc:sqlite: URL; got "
                    + database);
        }
        Optional<Path> aliases = value(env, TOPIC_ALIASES).map(Path::of);
        if (aliases.isPresent() && !Files.isReadable(aliases.get())) {
            throw new ConfigException(TOPIC_ALIASES + " names " + aliases.get()
                    + ", which is not a readable file. Point it at a .properties file of alias = topic lines.");
        }
        Duration deadline = value(env, MATCH_DEADLINE).map(raw -> {
            try {
                Duration parsed = Durations.parse(raw);
                if (parsed.isZero()) {
                    throw new IllegalArgumentException("zero");
                }
                return parsed;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(MATCH_DEADLINE + " must be a duration like 3d or 72h; got " + raw);
            }
        }).orElse(Duration.ofDays(3));
        SendPace pace;
        try {
            pace = SendPace.parse(value(env, SEND_PACE).orElse(SendPace.DEFAULT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SEND_PACE + ": " + e.getMessage());
        }
        value(env, LogLine.FORMAT).ifPresent(format -> {
            if (!LogLine.FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(LogLine.FORMAT + " must be " + String.join(" or ", LogLine.FORMATS)
                        + "; got " + format);
            }
        });
        return new Config(database, aliases, deadline, pace, admins(value(env, ADMINS).orElse("")),
                value(env, PUBLIC_URL).map(Config::publicUrl));
    }

    private static URI publicUrl(String raw) {
        try {
            URI uri = new URI(raw);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(raw, "not an http(s) address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(PUBLIC_URL + " must be the bot's public address, like"
                    + " https://guildhall.example.com; got " + raw);
        }
    }

    private static Admins admins(String raw) {
        for (String id : Arrays.stream(raw.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList()) {
            if (id.indexOf(':') <= 0 || id.endsWith(":")) {
                throw new ConfigException(ADMINS + " lists people by platform-qualified id, comma-separated, like"
                        + " slack:T123:U456,teams:<tenant>:<aad object id>,console:alice; got " + id);
            }
        }
        return Admins.parse(raw);
    }

    static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
