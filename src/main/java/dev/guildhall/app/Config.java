package dev.guildhall.app;

import dev.guildhall.config.ConfigException;
import dev.guildhall.config.DatabaseLocation;
import dev.guildhall.config.Env;
import dev.guildhall.core.Admins;
import dev.guildhall.core.Durations;
import dev.guildhall.core.PersonId;
import dev.guildhall.ops.LogLine;
import dev.guildhall.outbox.SendPace;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
                     SendPace sendPace, Admins admins, Optional<URI> publicUrl, Optional<String> databaseUser,
                     Optional<String> databasePassword, Optional<byte[]> sessionSecret, Duration retention) {
    public static final String DB = DatabaseLocation.VARIABLE;
    public static final String DB_USER = "GUILDHALL_DB_USER";
    public static final String DB_PASSWORD = "GUILDHALL_DB_PASSWORD";
    public static final String SESSION_SECRET = "GUILDHALL_SESSION_SECRET";
    /** 256 bits, as HKDF-SHA256 wants at least; {@code openssl rand -base64 32} prints 44 characters. */
    static final int MIN_SECRET_CHARACTERS = 32;
    public static final String TOPIC_ALIASES = "GUILDHALL_TOPIC_ALIASES";
    public static final String MATCH_DEADLINE = "GUILDHALL_MATCH_DEADLINE";
    public static final String SEND_PACE = "GUILDHALL_SEND_PACE";
    public static final String ADMINS = "GUILDHALL_ADMINS";
    public static final String PUBLIC_URL = "GUILDHALL_PUBLIC_URL";
    public static final String RETENTION = "GUILDHALL_RETENTION";
    /** Platforms retry a delivery for minutes: a request key must outlive that, or a retry would act twice. */
    static final Duration MIN_RETENTION = Duration.ofMinutes(10);

    public static Config from(Map<String, String> env) {
        String database = value(env, DB).orElse("guildhall.db");
        boolean postgres = DatabaseLocation.of(database).postgres();
        Optional<String> user = value(env, DB_USER);
        Optional<String> password = Optional.ofNullable(env.get(DB_PASSWORD)).filter(p -> !p.isEmpty());
        if (!postgres && (user.isPresent() || password.isPresent())) {
            throw new ConfigException((user.isPresent() ? DB_USER : DB_PASSWORD) + " is only for PostgreSQL: set "
                    + DB + "=jdbc:postgresql://host/database too, or unset it to use the SQLite file " + database);
        }
        if (postgres && user.isEmpty() && !database.contains("user=")) {
            throw new ConfigException(DB_USER + " must name the PostgreSQL user when " + DB + " is a"
                    + " jdbc:postgresql: URL (and " + DB_PASSWORD + " its password).");
        }
        if (postgres && password.isEmpty() && !database.contains("password=")) {
            throw new ConfigException(DB_PASSWORD + " must hold the password of the PostgreSQL user "
                    + user.orElse("") + " when " + DB + " is a jdbc:postgresql: URL.");
        }
        Optional<byte[]> secret = value(env, SESSION_SECRET).map(raw -> raw.getBytes(StandardCharsets.UTF_8));
        if (secret.isPresent() && secret.get().length < MIN_SECRET_CHARACTERS) {
            throw new ConfigException(SESSION_SECRET + " must be at least " + MIN_SECRET_CHARACTERS
                    + " characters of random text; make one with: openssl rand -base64 32");
        }
        if (postgres && secret.isEmpty()) {
            throw new ConfigException(SESSION_SECRET + " must be set on PostgreSQL, to the same value on every replica:"
                    + " live sessions' anonymity keys are derived from it (make one with: openssl rand -base64 32).");
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
        Duration retention = value(env, RETENTION).map(raw -> {
            try {
                Duration parsed = Durations.parse(raw);
                if (parsed.compareTo(MIN_RETENTION) < 0) {
                    throw new IllegalArgumentException("too short");
                }
                return parsed;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(RETENTION + " must be a duration of at least 10m, like 1d or 12h (platforms"
                        + " retry requests for minutes); got " + raw);
            }
        }).orElse(dev.guildhall.bot.Guildhall.DEFAULT_RETENTION);
        value(env, LogLine.FORMAT).ifPresent(format -> {
            if (!LogLine.FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(LogLine.FORMAT + " must be " + String.join(" or ", LogLine.FORMATS)
                        + "; got " + format);
            }
        });
        return new Config(database, aliases, deadline, pace, admins(value(env, ADMINS).orElse("")),
                value(env, PUBLIC_URL).map(Config::publicUrl), user, password, secret, retention);
    }

    public boolean postgres() {
        return DatabaseLocation.of(database).postgres();
    }

    /** Never prints the password or the secret. */
    @Override
    public String toString() {
        return "Config[database=" + database + ", databaseUser=" + databaseUser.orElse("") + ", topicAliases="
                + topicAliases.map(Path::toString).orElse("") + ", matchAnswerDeadline=" + matchAnswerDeadline
                + ", sendPace=" + sendPace + ", admins=" + admins.people().size() + ", publicUrl="
                + publicUrl.map(URI::toString).orElse("") + ", sessionSecret="
                + (sessionSecret.isPresent() ? "(set)" : "(unset)") + ", retention=" + retention + "]";
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

    private static Optional<String> value(Map<String, String> env, String name) {
        return Env.value(env, name);
    }
}
