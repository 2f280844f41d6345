package dev.guildhall.guild;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.Durations;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads when a meetup is, as leads write it, in an explicit time zone. */
final class MeetupTimes {
    static final String FORMS = "I understand: a date and time like 2026-12-03 16:00 (or ISO 2026-12-03T16:00,"
            + " with an offset if you like), \"tomorrow 16:00\", \"in 2d\" or \"in 90m\", \"weekly on thursday 10:00\""
            + " (or \"every thursday 10:00\"), and \"every 2nd tuesday 16:00\" (1st to 4th, or last). Times can be"
            + " 16:00 or 4pm.";
    private static final String TIME = "(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?";
    private static final Pattern LOCAL = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[t ]+(\\d{1,2}:\\d{2}(?::\\d{2})?)");
    private static final Pattern DAY_WORD = Pattern.compile("(today|tomorrow)\\s+(?:at\\s+)?" + TIME);
    private static final Pattern RELATIVE = Pattern.compile("in\\s+(\\S+)");
    private static final Pattern WEEKLY = Pattern.compile(
            "(?:weekly\\s+on|every\\s+week\\s+on|every)\\s+([a-z]+?)s?\\s+(?:at\\s+)?" + TIME);
    private static final Pattern MONTHLY = Pattern.compile(
            "(?:every|monthly\\s+on\\s+the|every\\s+month\\s+on\\s+the)\\s+(1st|2nd|3rd|4th|first|second|third|fourth|last)"
                    + "\\s+([a-z]+?)s?(?:\\s+of\\s+the\\s+month)?\\s+(?:at\\s+)?" + TIME);
    private static final Map<String, Integer> NTH = Map.of("1st", 1, "first", 1, "2nd", 2, "second", 2, "3rd", 3,
            "third", 3, "4th", 4, "fourth", 4, "last", -1);

    /** The first time a meetup happens, and how it repeats, if it does. */
    record Plan(Instant first, Optional<Recurrence> recurrence) {
    }

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

    static Plan parse(String typed, ZoneId zone, Instant now) {
        String when = typed.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Plan plan = read(when, zone, now).orElseThrow(() -> new UsageException("I can't read \"" + typed
                + "\" as a meetup time. " + FORMS + " Times are in " + zone.getId()
                + " unless you add --tz with another zone, like --tz "
                + (zone.getId().equals("America/New_York") ? "Europe/Berlin" : "America/New_York") + "."));
        if (!plan.first().isAfter(now)) {
            throw new UsageException("\"" + typed + "\" is already past (it's "
                    + GuildMessages.when(now, zone) + " now). Pick a time ahead.");
        }
        return plan;
    }

    /** Reads a stored rule back (see {@link Recurrence#describe()}). */
    static Optional<Recurrence> recurrence(String stored) {
        return read(stored, ZoneId.of("UTC"), Instant.EPOCH).flatMap(Plan::recurrence);
    }

    private static Optional<Plan> read(String when, ZoneId zone, Instant now) {
        Matcher m = LOCAL.matcher(when);
        if (m.matches()) {
            try {
                LocalDateTime local = LocalDateTime.of(LocalDate.parse(m.group(1)), LocalTime.parse(pad(m.group(2))));
                return Optional.of(new Plan(local.atZone(zone).toInstant(), Optional.empty()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new Plan(OffsetDateTime.parse(when.toUpperCase(Locale.ROOT)).toInstant(),
                    Optional.empty()));
        } catch (DateTimeParseException ignored) {
            // not an ISO date-time with an offset: try the other forms
        }
        m = DAY_WORD.matcher(when);
        if (m.matches()) {
            Optional<LocalTime> time = time(m.group(2), m.group(3), m.group(4));
            LocalDate today = now.atZone(zone).toLocalDate();
            LocalDate date = m.group(1).equals("today") ? today : today.plusDays(1);
            return time.map(t -> new Plan(date.atTime(t).atZone(zone).toInstant(), Optional.empty()));
        }
        m = RELATIVE.matcher(when);
        if (m.matches()) {
            try {
                Duration in = Durations.parse(m.group(1));
                // Whole minutes read better in reminders than "04:58:37".
                return in.isZero() ? Optional.empty()
                        : Optional.of(new Plan(now.plus(in).truncatedTo(ChronoUnit.MINUTES), Optional.empty()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        m = MONTHLY.matcher(when);
        if (m.matches()) {
            Optional<DayOfWeek> day = day(m.group(2));
            Optional<LocalTime> time = time(m.group(3), m.group(4), m.group(5));
            if (day.isPresent() && time.isPresent()) {
                return Optional.of(recurring(new Recurrence(day.get(), NTH.get(m.group(1)), time.get()), zone, now));
            }
            return Optional.empty();
        }
        m = WEEKLY.matcher(when);
        if (m.matches()) {
            Optional<DayOfWeek> day = day(m.group(1));
            Optional<LocalTime> time = time(m.group(2), m.group(3), m.group(4));
            if (day.isPresent() && time.isPresent()) {
                return Optional.of(recurring(new Recurrence(day.get(), 0, time.get()), zone, now));
            }
        }
        return Optional.empty();
    }

    private static Plan recurring(Recurrence rule, ZoneId zone, Instant now) {
        return new Plan(rule.nextAfter(now.atZone(zone), zone).toInstant(), Optional.of(rule));
    }

    private static String pad(String time) {
        return time.indexOf(':') == 1 ? "0" + time : time;
    }

    private static Optional<LocalTime> time(String hours, String minutes, String half) {
        int h = Integer.parseInt(hours);
        int min = minutes == null ? 0 : Integer.parseInt(minutes);
        if (half != null) {
            if (h < 1 || h > 12) {
                return Optional.empty();
            }
            h = h % 12 + (half.equals("pm") ? 12 : 0);
        } else if (minutes == null) {
            return Optional.empty();
        }
        if (h > 23 || min > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(h, min));
    }

    private static Optional<DayOfWeek> day(String word) {
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (word.equals(name) || (word.length() >= 3 && name.startsWith(word))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
