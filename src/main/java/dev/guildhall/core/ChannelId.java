package dev.guildhall.core;

/** A channel (or group chat) qualified by platform, like {@code slack:T123:C789} or {@code console:general}. */
public record ChannelId(String value) {
    public ChannelId {
        QualifiedId.require(value, "channel", "console:general");
    }

    public static ChannelId of(String platform, String... parts) {
        return new ChannelId(QualifiedId.join(platform, parts));
    }

    public String platform() {
        return QualifiedId.platform(value);
    }

    public String localPart() {
        return QualifiedId.localPart(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
