package dev.guildhall.mentorship;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** How much two people's working days (09:00–17:00 local) overlap, around a given day. */
public final class WorkingHours {
    static final LocalTime START = LocalTime.of(9, 0);
    static final LocalTime END = LocalTime.of(17, 0);

    private WorkingHours() {
    }

    public static Duration overlap(ZoneId a, ZoneId b, LocalDate day) {
        Instant aStart = day.atTime(START).atZone(a).toInstant();
        Instant aEnd = day.atTime(END).atZone(a).toInstant();
        Duration best = Duration.ZERO;
        // b's working day may fall on a's previous or next calendar day across the date line.
        for (int shift = -1; shift <= 1; shift++) {
            LocalDate other = day.plusDays(shift);
            Instant bStart = other.atTime(START).atZone(b).toInstant();
            Instant bEnd = other.atTime(END).atZone(b).toInstant();
            Instant from = aStart.isAfter(bStart) ? aStart : bStart;
            Instant to = aEnd.isBefore(bEnd) ? aEnd : bEnd;
            if (from.isBefore(to)) {
                Duration overlap = Duration.between(from, to);
                if (overlap.compareTo(best) > 0) {
                    best = overlap;
                }
            }
        }
        return best;
    }
}
