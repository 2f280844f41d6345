package dev.guildhall.core;

import java.util.Objects;

/** A channel (or group chat) qualified by platform, like {@code slack:T123:C789} or {@code console:general}. */
public record ChannelId(String value) {
    public ChannelId {
        Objects.requireNonNull(value, "value");
        if (value.indexOf(':') <= 0) {
            throw new IllegalArgumentException("A channel id names its platform first, like console:general, not " + value);
        }
    }

    public static ChannelId of(String platform, String... parts) {
        return new ChannelId(platform + ":" + String.join(":", parts));
    }

    public String platform() {
        return value.substring(0, value.indexOf(':'));
    }

    public String localPart() {
        return value.substring(value.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
