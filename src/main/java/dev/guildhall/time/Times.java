package dev.guildhall.time;

import dev.guildhall.core.Durations;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every time the bot reads, as people type it: one-off moments ("2026-12-10 4pm", "next thursday 18:00", "in 90m")
 * and repeating ones ("every weekday 9:30", "every 2nd tuesday 16:00"). A time with its own offset, or relative to
 * now, needs no zone; the others are read in the zone given, and without one the reader says a zone is needed.
 */
public final class Times {
    /** Each of these parses (a test checks): the help text lists only forms that really work. */
    public static final List<String> EXAMPLES = List.of("2026-12-10 16:00", "2026-12-10 4:30pm", "Dec 10 16:00",
            "10 December 4pm", "tomorrow 16:00", "next thursday 18:00", "4pm", "every day 10:00",
            "every weekday 9:30", "every thursday 10:00", "every monday and thursday 9:30",
            "every other wednesday 16:00", "every 2nd tuesday 16:00", "every last friday 17:00");
    public static final List<String> ZONELESS_EXAMPLES = List.of("2026-12-10T16:00Z", "2026-12-10T16:00+01:00",
            "in 90m", "in 2d");
    public static final String FORMS = "I understand times like " + quoted(EXAMPLES) + " (1st to 4th, or last"
            + " weekday of the month); " + quoted(ZONELESS_EXAMPLES) + " need no time zone.";

    private static final String TIME = "(?:at\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?";
    private static final String DAY_OF_MONTH = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:,?\\s+(\\d{4}))?";
    private static final Pattern OFFSET = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:t|\\s+)(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*(z|utc|[+-]\\d{2}(?::?\\d{2})?)");
    private static final Pattern RELATIVE = Pattern.compile("in\\s+(.+)");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:t|\\s+)" + TIME);
    private static final Pattern MONTH_FIRST = Pattern.compile("([a-z]+)\\.?\\s+" + DAY_OF_MONTH + YEAR + ",?\\s+"
            + TIME);
    private static final Pattern DAY_FIRST = Pattern.compile(DAY_OF_MONTH + "\\s+(?:of\\s+)?([a-z]+)\\.?" + YEAR
            + ",?\\s+" + TIME);
    private static final Pattern DAY_WORD = Pattern.compile("(today|tonight|tomorrow)\\s+" + TIME);
    private static final Pattern WEEKDAY = Pattern.compile("(?:(next|this|on)\\s+)?([a-z]+)\\s+" + TIME);
    private static final Pattern CLOCK = Pattern.compile(TIME);
    private static final Pattern DAILY = Pattern.compile("(?:every\\s+day|each\\s+day|daily)\\s+" + TIME);
    private static final Pattern WORKDAYS = Pattern.compile(
            "(?:every\\s+weekday|every\\s+week\\s*day|weekdays|every\\s+workday)s?\\s+" + TIME);
    private static final Pattern OTHER_WEEK = Pattern.compile(
            "(?:every\\s+other|every\\s+second|every\\s+(\\d)\\s+weeks\\s+on)\\s+([a-z, &/]+?)\\s+" + TIME);
    private static final Pattern WEEKLY = Pattern.compile(
            "(?:weekly\\s+on|every\\s+week\\s+on|every)\\s+([a-z, &/]+?)\\s+" + TIME);
    private static final Pattern MONTHLY = Pattern.compile(
            "(?:every|monthly\\s+on\\s+the|every\\s+month\\s+on\\s+the)\\s+"
                    + "(1st|2nd|3rd|4th|first|second|third|fourth|last)\\s+([a-z]+?)s?(?:\\s+of\\s+the\\s+month)?\\s+"
                    + TIME);
    private static final Map<String, Integer> NTH = Map.of("1st", 1, "first", 1, "2nd", 2, "second", 2, "3rd", 3,
            "third", 3, "4th", 4, "fourth", 4, "last", -1);

    private Times() {
    }

    /**
     * Reads a moment or a repeating time. {@code zone} places local times; without it, only times with an offset
     * or relative to now can be read ({@link ZoneNeeded} otherwise).
     *
     * @throws UnreadableTime when the text is no time this reads
     */
    public static When read(String typed, Optional<ZoneId> zone, Instant now) {
        String when = normalise(typed);
        Optional<When> zoneless = zoneless(when, zone, now);
        if (zoneless.isPresent()) {
            return zoneless.get();
        }
        Optional<When> local = local(when, zone.orElse(ZoneOffset.UTC), now);
        if (local.isEmpty()) {
            throw new UnreadableTime("I can't read \"" + typed.strip() + "\" as a time. " + FORMS);
        }
        if (zone.isEmpty()) {
            throw new ZoneNeeded(typed.strip());
        }
        return local.get();
    }

    /** Reads a repeating time only, like "every weekday 9:30"; its zone does not matter to the rule itself. */
    public static Recurrence recurrence(String typed) {
        return local(normalise(typed), ZoneOffset.UTC, Instant.EPOCH).flatMap(When::recurrence)
                .orElseThrow(() -> new UnreadableTime("I can't read \"" + typed.strip() + "\" as a repeating time."
                        + " Write it like " + quoted(EXAMPLES.stream().filter(e -> e.startsWith("every")).toList())
                        + "."));
    }

    private static String normalise(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static Optional<When> zoneless(String when, Optional<ZoneId> zone, Instant now) {
        Matcher m = OFFSET.matcher(when);
        if (m.matches()) {
            String offset = m.group(3).equals("utc") ? "z" : m.group(3);
            try {
                OffsetDateTime at = OffsetDateTime.parse(m.group(1) + "T" + pad(m.group(2))
                        + normaliseOffset(offset).toUpperCase(Locale.ROOT));
                ZoneId own = at.getOffset().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : at.getOffset();
                return Optional.of(new When(at.toInstant(), Optional.empty(), zone.orElse(own)));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        m = RELATIVE.matcher(when);
        if (m.matches()) {
            try {
                Duration in = Durations.parse(compactDuration(m.group(1)));
                // Whole minutes read better in reminders than "04:58:37".
                return in.isZero() ? Optional.empty() : Optional.of(new When(
                        now.plus(in).truncatedTo(ChronoUnit.MINUTES), Optional.empty(),
                        zone.orElse(ZoneId.of("UTC"))));
            } catch (IllegalArgumentException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String normaliseOffset(String offset) {
        if (offset.equals("z")) {
            return offset;
        }
        String digits = offset.substring(1).replace(":", "");
        return offset.charAt(0) + digits.substring(0, 2) + ":" + (digits.length() > 2 ? digits.substring(2) : "00");
    }

    /** "2 hours 30 minutes" reads as "2h30m". */
    private static String compactDuration(String words) {
        return words.replaceAll("(\\d+)\\s*(?:days?)\\b", "$1d")
                .replaceAll("(\\d+)\\s*(?:hours?|hrs?)\\b", "$1h")
                .replaceAll("(\\d+)\\s*(?:minutes?|mins?)\\b", "$1m")
                .replaceAll("\\s+|and|,", "");
    }

    private static Optional<When> local(String when, ZoneId zone, Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        Optional<Recurrence> rule = repeating(when);
        if (rule.isPresent()) {
            return Optional.of(new When(rule.get().firstAfter(now, zone), rule, zone));
        }
        return once(when, local).map(at -> new When(at.atZone(zone).toInstant(), Optional.empty(), zone));
    }

    private static Optional<Recurrence> repeating(String when) {
        Matcher m = DAILY.matcher(when);
        if (m.matches()) {
            return time(m, 1).map(Recurrence::daily);
        }
        m = WORKDAYS.matcher(when);
        if (m.matches()) {
            return time(m, 1).map(t -> Recurrence.weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 1, t));
        }
        m = MONTHLY.matcher(when);
        if (m.matches()) {
            Optional<DayOfWeek> day = day(m.group(2));
            Optional<LocalTime> time = time(m, 3);
            return day.isPresent() && time.isPresent()
                    ? Optional.of(Recurrence.monthly(NTH.get(m.group(1)), day.get(), time.get())) : Optional.empty();
        }
        m = OTHER_WEEK.matcher(when);
        if (m.matches()) {
            int interval = m.group(1) == null ? 2 : Integer.parseInt(m.group(1));
            return weekly(days(m.group(2)), interval, time(m, 3));
        }
        m = WEEKLY.matcher(when);
        if (m.matches()) {
            return weekly(days(m.group(1)), 1, time(m, 2));
        }
        return Optional.empty();
    }

    private static Optional<Recurrence> weekly(Optional<Set<DayOfWeek>> days, int interval,
                                               Optional<LocalTime> time) {
        return days.isPresent() && time.isPresent() && interval >= 1
                ? Optional.of(Recurrence.weekly(days.get(), interval, time.get())) : Optional.empty();
    }

    private static Optional<LocalDateTime> once(String when, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        Matcher m = ISO_DATE.matcher(when);
        if (m.matches()) {
            try {
                LocalDate date = LocalDate.parse(m.group(1));
                return time(m, 2).map(date::atTime);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        Matcher monthFirst = MONTH_FIRST.matcher(when);
        if (monthFirst.matches()) {
            return month(monthFirst.group(1)).flatMap(month -> dated(month, monthFirst.group(2), monthFirst.group(3),
                    time(monthFirst, 4), now));
        }
        Matcher dayFirst = DAY_FIRST.matcher(when);
        if (dayFirst.matches()) {
            return month(dayFirst.group(2)).flatMap(month -> dated(month, dayFirst.group(1), dayFirst.group(3),
                    time(dayFirst, 4), now));
        }
        m = DAY_WORD.matcher(when);
        if (m.matches()) {
            LocalDate date = m.group(1).equals("tomorrow") ? today.plusDays(1) : today;
            return time(m, 2).map(date::atTime);
        }
        m = WEEKDAY.matcher(when);
        if (m.matches()) {
            Optional<DayOfWeek> day = day(m.group(2));
            Optional<LocalTime> time = time(m, 3);
            if (day.isEmpty() || time.isEmpty()) {
                // "at 16:30" is a bare time below, not a weekday
                return m.group(1) == null && m.group(2).equals("at") ? clock(when, now) : Optional.empty();
            }
            if ("next".equals(m.group(1))) {
                return Optional.of(today.with(TemporalAdjusters.next(day.get())).atTime(time.get()));
            }
            LocalDateTime at = today.with(TemporalAdjusters.nextOrSame(day.get())).atTime(time.get());
            return Optional.of(at.isAfter(now) ? at : at.plusWeeks(1));
        }
        return clock(when, now);
    }

    /** A bare time is the next one: today if still ahead, else tomorrow. */
    private static Optional<LocalDateTime> clock(String when, LocalDateTime now) {
        Matcher m = CLOCK.matcher(when);
        LocalDate today = now.toLocalDate();
        return m.matches() ? time(m, 1).map(t -> today.atTime(t).isAfter(now) ? today.atTime(t)
                : today.plusDays(1).atTime(t)) : Optional.empty();
    }

    /** A day of a month, in the year typed or else the next one whose date is still ahead. */
    private static Optional<LocalDateTime> dated(Month month, String day, String year, Optional<LocalTime> time,
                                                 LocalDateTime now) {
        if (time.isEmpty()) {
            return Optional.empty();
        }
        try {
            int dayOfMonth = Integer.parseInt(day);
            if (year != null) {
                return Optional.of(LocalDate.of(Integer.parseInt(year), month, dayOfMonth).atTime(time.get()));
            }
            LocalDateTime at = LocalDate.of(now.getYear(), month, dayOfMonth).atTime(time.get());
            return Optional.of(at.isAfter(now) ? at : at.plusYears(1));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Month> month(String word) {
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            if (word.equals(name) || (word.length() >= 3 && name.startsWith(word))) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }

    /** The time in groups {@code first} (hours), +1 (minutes), +2 (am/pm): "16:00", "4pm", "4:30pm". */
    private static Optional<LocalTime> time(Matcher m, int first) {
        int h = Integer.parseInt(m.group(first));
        String minutes = m.group(first + 1);
        String half = m.group(first + 2);
        int min = minutes == null ? 0 : Integer.parseInt(minutes);
        if (half != null) {
            if (h < 1 || h > 12) {
                return Optional.empty();
            }
            h = h % 12 + (half.equals("pm") ? 12 : 0);
        } else if (minutes == null) {
            return Optional.empty();
        }
        return h > 23 || min > 59 ? Optional.empty() : Optional.of(LocalTime.of(h, min));
    }

    /** "monday and thursday", "mon, wed, fri", "tuesdays". */
    private static Optional<Set<DayOfWeek>> days(String words) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String word : words.split("\\s*(?:,|&|/|\\band\\b|\\s)\\s*")) {
            if (word.isEmpty()) {
                continue;
            }
            Optional<DayOfWeek> day = day(word);
            if (day.isEmpty()) {
                return Optional.empty();
            }
            days.add(day.get());
        }
        return days.isEmpty() ? Optional.empty() : Optional.of(days);
    }

    /** A weekday, full or from three letters, singular or plural. */
    public static Optional<DayOfWeek> day(String word) {
        String typed = word.toLowerCase(Locale.ROOT).replaceFirst("(?<=day)s$", "");
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (typed.equals(name) || (typed.length() >= 3 && name.startsWith(typed))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    private static String pad(String time) {
        return time.indexOf(':') == 1 ? "0" + time : time;
    }

    private static String quoted(List<String> examples) {
        return "\"" + String.join("\", \"", examples) + "\"";
    }
}
