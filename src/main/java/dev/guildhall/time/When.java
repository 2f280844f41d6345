package dev.guildhall.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A time as someone typed it, understood: the first (or only) moment, how it repeats if it does, and the zone it was
 * read in — the one given, the text's own offset, or UTC for a time relative to now.
 */
public record When(Instant first, Optional<Recurrence> recurrence, ZoneId zone) {
}
