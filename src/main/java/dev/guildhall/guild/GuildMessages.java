package dev.guildhall.guild;

import dev.guildhall.core.ChannelId;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How guild texts show channels and times. */
final class GuildMessages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private GuildMessages() {
    }

    /** A channel as a reader can find it: the console's name, or the platform's own link. */
    static String channel(ChannelId channel) {
        return switch (channel.platform()) {
            case "slack" -> "<#" + channel.localPart().substring(channel.localPart().lastIndexOf(':') + 1) + ">";
            case "console" -> "#" + channel.localPart();
            default -> "the guild's channel";
        };
    }

    /** A moment in one zone, with the zone named so nobody has to guess: "Sat 28 Nov 2026, 10:00 (Europe/Berlin)". */
    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
