package dev.guildhall.admin;

import java.util.Optional;
import java.util.Set;

/** What {@code /guildhall about} says: the version and the settings in force, never a secret. */
record About(String version, String store, String matchDeadline, String sendPace, Optional<String> topicAliases,
             int admins) {
    /** Platforms whose chat port can deliver any file to a person (Teams takes only pictures from a bot). */
    Set<String> platformsSharingFiles() {
        return Set.of("slack", "console");
    }

    static String versionOfThisBuild() {
        return Optional.ofNullable(About.class.getPackage().getImplementationVersion()).orElse("development build");
    }

    /** A store location without credentials: a file's name, or a JDBC URL cut before any user or query. */
    static String describeStore(String location) {
        if (!location.startsWith("jdbc:")) {
            return "SQLite file " + location;
        }
        String withoutQuery = location.split("[?;]", 2)[0];
        int at = withoutQuery.indexOf('@');
        return at < 0 ? withoutQuery : withoutQuery.substring(0, withoutQuery.indexOf("//") + 2)
                + withoutQuery.substring(at + 1);
    }

    String describe(int commands) {
        return "*Guildhall " + version + "*\n"
                + "Store: " + store + "\n"
                + "Match answer deadline: " + matchDeadline + "\n"
                + "Send pace: " + sendPace + "\n"
                + "Topic aliases: " + topicAliases.orElse("built-in only") + "\n"
                + "Admins: " + admins + " listed in GUILDHALL_ADMINS\n"
                + "Commands: " + commands + " (try /guildhall help)";
    }
}
