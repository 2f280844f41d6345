package dev.guildhall.mentorship;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

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

    /** The first whole hour at or after {@code notBefore}, within two weeks, inside both people's working day. */
    public static Optional<Instant> firstSharedHour(ZoneId a, ZoneId b, Instant notBefore) {
        Instant hour = notBefore.truncatedTo(ChronoUnit.HOURS);
        if (hour.isBefore(notBefore)) {
            hour = hour.plus(Duration.ofHours(1));
        }
        for (int i = 0; i < 14 * 24; i++, hour = hour.plus(Duration.ofHours(1))) {
            if (isWorkingHour(hour.atZone(a)) && isWorkingHour(hour.atZone(b))) {
                return Optional.of(hour);
            }
        }
        return Optional.empty();
    }

    /** A weekday morning (10:00 local) at or after {@code notBefore}: when a weekly question is welcome. */
    public static Instant nextWorkingMorning(ZoneId zone, Instant notBefore) {
        ZonedDateTime local = notBefore.atZone(zone);
        ZonedDateTime morning = local.toLocalDate().atTime(START.plusHours(1)).atZone(zone);
        while (morning.toInstant().isBefore(notBefore) || isWeekend(morning)) {
            morning = morning.toLocalDate().plusDays(1).atTime(START.plusHours(1)).atZone(zone);
        }
        return morning.toInstant();
    }

    /** An hour that starts and ends inside the working day, on a weekday. */
    private static boolean isWorkingHour(ZonedDateTime start) {
        LocalTime time = start.toLocalTime();
        return !isWeekend(start) && !time.isBefore(START) && !time.plusHours(1).isAfter(END)
                && time.getHour() < END.getHour();
    }

    private static boolean isWeekend(ZonedDateTime time) {
        DayOfWeek day = time.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
