package dev.guildhall.guild;

import dev.guildhall.command.UsageException;
import dev.guildhall.time.Times;
import dev.guildhall.time.UnreadableTime;
import dev.guildhall.time.When;
import dev.guildhall.time.ZoneNeeded;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Reads when a meetup is (through the bot's one time reader), refusing what is unreadable or already past. */
final class MeetupTimes {
    static final String FORMS = Times.FORMS;

    private MeetupTimes() {
    }

    static ZoneId zone(String typed) {
        try {
            return ZoneId.of(typed.strip());
        } catch (DateTimeException e) {
            throw new UsageException("\"" + typed + "\" is not a time zone I know. Use a name like Europe/Berlin,"
                    + " America/New_York or UTC.");
        }
    }

    /**
     * @param zone the zone local times are in, when the bot knows one
     * @param retry the command with a zone added, to suggest when one is needed
     */
    static When parse(String typed, Optional<ZoneId> zone, Instant now, String retry) {
        When when;
        try {
            when = Times.read(typed, zone, now);
        } catch (ZoneNeeded e) {
            throw new UsageException("Which time zone is that in? I don't know yours or the guild's. Add one, like "
                    + retry + " --tz Europe/Berlin, or give the time with its offset, like \"2026-12-10T16:00+01:00\".");
        } catch (UnreadableTime e) {
            throw new UsageException(e.getMessage().replace("as a time.", "as a meetup time.")
                    + zone.map(z -> " Times are in " + z.getId() + " unless you add --tz with another zone, like --tz "
                    + (z.getId().equals("America/New_York") ? "Europe/Berlin" : "America/New_York") + ".")
                    .orElse(""));
        }
        if (!when.first().isAfter(now)) {
            throw new UsageException("\"" + typed + "\" is already past (it's "
                    + GuildMessages.when(now, when.zone()) + " now). Pick a time ahead.");
        }
        return when;
    }
}
