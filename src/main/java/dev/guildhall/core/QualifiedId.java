package dev.guildhall.core;

import java.util.Objects;

/** Ids that name their platform first ({@code slack:T123:U456}): the checks and parts both kinds share. */
final class QualifiedId {
    private QualifiedId() {
    }

    static String require(String value, String kind, String example) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf(':') <= 0) {
            throw new IllegalArgumentException("A " + kind + " id names its platform first, like " + example
                    + ", not " + value);
        }
        return value;
    }

    static String join(String platform, String... parts) {
        return platform + ":" + String.join(":", parts);
    }

    static String platform(String value) {
        return value.substring(0, value.indexOf(':'));
    }

    static String localPart(String value) {
        return value.substring(value.indexOf(':') + 1);
    }
}
