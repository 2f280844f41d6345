package dev.guildhall.core;

/**
 * A person as a platform knows them, qualified so that people from several platforms can share one store:
 * {@code slack:T123:U456}, {@code teams:<tenant>:<aad id>}, {@code console:alice}.
 */
public record PersonId(String value) {
    public PersonId {
        QualifiedId.require(value, "person", "console:alice");
    }

    public static PersonId of(String platform, String... parts) {
        return new PersonId(QualifiedId.join(platform, parts));
    }

    public String platform() {
        return QualifiedId.platform(value);
    }

    /** What follows the platform, e.g. {@code T123:U456} for Slack or {@code alice} for the console. */
    public String localPart() {
        return QualifiedId.localPart(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
