package dev.guildhall.guild;

import dev.guildhall.core.PersonId;
import dev.guildhall.time.Recurrence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** One occurrence of a meetup; a recurring series is a chain of these, each made when the one before starts. */
record Meetup(long id, long guildId, String title, Instant startsAt, ZoneId zone, Optional<String> recurrence,
              Optional<PersonId> speaker, Optional<String> talkTitle, String status, PersonId createdBy,
              boolean skipNoted) {

    /** How the series repeats (stored as an RRULE), if it does. */
    Optional<Recurrence> rule() {
        return recurrence.map(Recurrence::new);
    }

    boolean isScheduled() {
        return status.equals("SCHEDULED");
    }
}
