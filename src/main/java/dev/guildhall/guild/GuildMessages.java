package dev.guildhall.guild;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Mentions;
import dev.guildhall.time.Recurrence;

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

    /**
     * How a series repeats, for a reader in {@code reader}'s zone: the rule is in the meetup's zone, so it is named
     * whenever it differs ("every 2nd tuesday 16:00 Europe/Berlin time").
     */
    static String repeats(Recurrence rule, ZoneId meetupZone, ZoneId reader) {
        return rule.describe() + (reader.equals(meetupZone) ? "" : " " + meetupZone.getId() + " time");
    }

    /** A moment in one zone, with the zone named so nobody has to guess: "Sat 28 Nov 2026, 10:00 (Europe/Berlin)". */
    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
