package dev.guildhall.guild;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Mentions;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How guild texts show channels and times. */
final class GuildMessages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private GuildMessages() {
    }

    /** A channel as a reader can find it: a token each adapter shows as its own link, or as the label without one. */
    static String channel(ChannelId channel) {
        return new Mentions.ChannelToken(channel, "the guild's channel").text();
    }

    /** A moment in one zone, with the zone named so nobody has to guess: "Sat 28 Nov 2026, 10:00 (Europe/Berlin)". */
    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
