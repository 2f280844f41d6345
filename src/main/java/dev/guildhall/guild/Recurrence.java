package dev.guildhall.guild;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How a meetup repeats, in its own time zone: every week on a weekday, or every month on the nth (or last) weekday.
 * {@code nth} is 0 for weekly, 1–4 for the nth weekday of the month, -1 for the last one.
 */
record Recurrence(DayOfWeek day, int nth, LocalTime time) {

    /** The first occurrence strictly after {@code after}, in {@code zone}. */
    ZonedDateTime nextAfter(ZonedDateTime after, ZoneId zone) {
        ZonedDateTime local = after.withZoneSameInstant(zone);
        LocalDate date = local.toLocalDate();
        for (int i = 0; i < 800; i++) {
            LocalDate candidate = nth == 0 ? date.with(TemporalAdjusters.nextOrSame(day)) : monthly(date);
            ZonedDateTime at = candidate.atTime(time).atZone(zone);
            if (at.isAfter(after)) {
                return at;
            }
            date = nth == 0 ? candidate.plusDays(1) : candidate.withDayOfMonth(1).plusMonths(1);
        }
        throw new IllegalStateException("no next occurrence for " + describe());
    }

    private LocalDate monthly(LocalDate from) {
        LocalDate inMonth = nth == -1 ? from.with(TemporalAdjusters.lastInMonth(day))
                : from.with(TemporalAdjusters.dayOfWeekInMonth(nth, day));
        if (!inMonth.isBefore(from)) {
            return inMonth;
        }
        LocalDate nextMonth = from.withDayOfMonth(1).plusMonths(1);
        return nth == -1 ? nextMonth.with(TemporalAdjusters.lastInMonth(day))
                : nextMonth.with(TemporalAdjusters.dayOfWeekInMonth(nth, day));
    }

    /** The rule as words that {@link MeetupTimes} reads back: it is stored this way. */
    String describe() {
        String weekday = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
        String clock = time.toString();
        if (nth == 0) {
            return "weekly on " + weekday + " " + clock;
        }
        String which = switch (nth) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            case 4 -> "4th";
            default -> "last";
        };
        return "every " + which + " " + weekday + " " + clock;
    }
}
