package dev.guildhall.time;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.Weekday;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How something repeats, as an RFC 5545 RRULE with the time of day in it ({@code BYHOUR}/{@code BYMINUTE}), e.g.
 * {@code FREQ=MONTHLY;BYDAY=2TU;BYHOUR=16;BYMINUTE=0}. The rule is read in local time: the zone is kept beside it,
 * and each occurrence is placed in that zone only at the end, so daylight saving never moves the time of day.
 */
public record Recurrence(String rrule) {
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public Recurrence {
        rule(rrule);
    }

    public static Recurrence daily(LocalTime time) {
        return new Recurrence("FREQ=DAILY" + at(time));
    }

    /** Every week (or every {@code interval} weeks) on each of {@code days}. */
    public static Recurrence weekly(Set<DayOfWeek> days, int interval, LocalTime time) {
        if (days.isEmpty() || interval < 1) {
            throw new IllegalArgumentException("a weekly rule needs a day and an interval of at least 1");
        }
        String byDay = EnumSet.copyOf(days).stream().map(Recurrence::code).collect(Collectors.joining(","));
        return new Recurrence("FREQ=WEEKLY" + (interval > 1 ? ";INTERVAL=" + interval : "") + ";BYDAY=" + byDay
                + at(time));
    }

    /** The {@code nth} (1–4, or -1 for the last) {@code day} of every month. */
    public static Recurrence monthly(int nth, DayOfWeek day, LocalTime time) {
        return new Recurrence("FREQ=MONTHLY;BYDAY=" + nth + code(day) + at(time));
    }

    private static String at(LocalTime time) {
        return ";BYHOUR=" + time.getHour() + ";BYMINUTE=" + time.getMinute();
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static RecurrenceRule rule(String rrule) {
        try {
            RecurrenceRule rule = new RecurrenceRule(rrule);
            if (!rule.hasPart(RecurrenceRule.Part.BYHOUR) || !rule.hasPart(RecurrenceRule.Part.BYMINUTE)) {
                throw new IllegalArgumentException("a stored rule names its time of day: " + rrule);
            }
            return rule;
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalArgumentException("not an RRULE: " + rrule, e);
        }
    }

    public LocalTime time() {
        RecurrenceRule rule = rule(rrule);
        return LocalTime.of(rule.getByPart(RecurrenceRule.Part.BYHOUR).get(0),
                rule.getByPart(RecurrenceRule.Part.BYMINUTE).get(0));
    }

    /**
     * The first occurrence after {@code after}, counting from {@code anchor} (an occurrence of the series, which
     * "every other" weeks are counted from), both local date-times.
     */
    public LocalDateTime nextAfter(LocalDateTime anchor, LocalDateTime after) {
        RecurrenceRuleIterator it = rule(rrule).iterator(new DateTime(anchor.getYear(), anchor.getMonthValue() - 1,
                anchor.getDayOfMonth(), anchor.getHour(), anchor.getMinute(), 0));
        for (int i = 0; i < 100_000 && it.hasNext(); i++) {
            DateTime next = it.nextDateTime();
            LocalDateTime local = LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(),
                    next.getHours(), next.getMinutes());
            if (local.isAfter(after)) {
                return local;
            }
        }
        throw new IllegalStateException("no occurrence of " + rrule + " after " + after);
    }

    /** The first occurrence strictly after {@code after} in {@code zone}, counting from the occurrence {@code anchor}. */
    public Instant nextAfter(Instant anchor, Instant after, ZoneId zone) {
        LocalDateTime local = nextAfter(LocalDateTime.ofInstant(anchor, zone), LocalDateTime.ofInstant(after, zone));
        Instant at = local.atZone(zone).toInstant();
        // A daylight-saving gap can put the local time before "after" once placed: take the one after it.
        return at.isAfter(after) ? at : nextAfter(anchor, at.plusSeconds(3600), zone);
    }

    /** The first occurrence from {@code now} on (strictly after it), starting the series there. */
    public Instant firstAfter(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDateTime start = firstOnOrAfter(today.atStartOfDay());
        Instant at = start.atZone(zone).toInstant();
        return at.isAfter(now) ? at : nextAfter(at, now, zone);
    }

    /** The first occurrence on or after {@code from}, for a series that starts there. */
    public LocalDateTime firstOnOrAfter(LocalDateTime from) {
        // A rule's first occurrence is counted from the first day it matches, so "every other" starts there.
        LocalDateTime probe = from.minusMinutes(1);
        RecurrenceRule rule = rule(rrule);
        if (rule.getInterval() > 1) {
            rule.setInterval(1);
            LocalDateTime first = new Recurrence(rule.toString()).nextAfter(probe, probe);
            return first;
        }
        return nextAfter(probe, probe);
    }

    /** The days of the week it falls on, for weekly and daily rules; empty for monthly ones. */
    public Set<DayOfWeek> days() {
        RecurrenceRule rule = rule(rrule);
        if (rule.getFreq() == Freq.DAILY) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        if (rule.getFreq() != Freq.WEEKLY) {
            return Set.of();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        rule.getByDayPart().forEach(d -> days.add(day(d.weekday)));
        return days;
    }

    /** The rule in words, as people type it: "every 2nd tuesday 16:00", "every weekday 09:30". */
    public String describe() {
        RecurrenceRule rule = rule(rrule);
        String clock = time().toString();
        if (rule.getFreq() == Freq.DAILY) {
            return "every day " + clock;
        }
        if (rule.getFreq() == Freq.MONTHLY) {
            RecurrenceRule.WeekdayNum only = rule.getByDayPart().get(0);
            String which = switch (only.pos) {
                case 1 -> "1st";
                case 2 -> "2nd";
                case 3 -> "3rd";
                case 4 -> "4th";
                default -> "last";
            };
            return "every " + which + " " + name(day(only.weekday)) + " " + clock;
        }
        Set<DayOfWeek> days = days();
        String when;
        if (days.equals(WEEKDAYS)) {
            when = "weekday";
        } else if (days.size() == 7) {
            when = "day";
        } else {
            List<String> names = new ArrayList<>(days.stream().map(Recurrence::name).toList());
            String last = names.remove(names.size() - 1);
            when = names.isEmpty() ? last : String.join(", ", names) + " and " + last;
        }
        return (rule.getInterval() == 2 ? "every other " : rule.getInterval() > 2 ? "every " + rule.getInterval()
                + " weeks on " : "every ") + when + " " + clock;
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    private static DayOfWeek day(Weekday weekday) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (code(day).equals(weekday.name())) {
                return day;
            }
        }
        throw new IllegalStateException(weekday.name());
    }

    @Override
    public String toString() {
        return rrule;
    }
}
