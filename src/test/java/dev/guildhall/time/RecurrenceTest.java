package dev.guildhall.time;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check-in rules as the reader makes them, and their occurrences in a zone across 2026's clock changes. */
class RecurrenceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The first {@code count} occurrences strictly after {@code now}, the series starting there. */
    private static List<Instant> occurrences(String typed, ZoneId zone, String now, int count) {
        Recurrence rule = Times.recurrence(typed);
        List<Instant> all = new ArrayList<>();
        Instant first = rule.firstAfter(Instant.parse(now), zone);
        all.add(first);
        while (all.size() < count) {
            all.add(rule.nextAfter(first, all.get(all.size() - 1), zone));
        }
        return all;
    }

    private static List<Instant> instants(String... utc) {
        return Arrays.stream(utc).map(Instant::parse).toList();
    }

    @Test
    void theCheckInRulesReadAsTheirRrules() {
        assertThat(Times.recurrence("every friday 10:00").rrule()).isEqualTo("FREQ=WEEKLY;BYDAY=FR;BYHOUR=10;BYMINUTE=0");
        assertThat(Times.recurrence("every day 10:00").rrule()).isEqualTo("FREQ=DAILY;BYHOUR=10;BYMINUTE=0");
        assertThat(Times.recurrence("every weekday 9:30").days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY));
        assertThat(Times.recurrence("every monday and thursday 9:30").days())
                .isEqualTo(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
        assertThat(Times.recurrence("every monday and thursday 9:30").describe())
                .isEqualTo("every monday and thursday 09:30");
    }

    @Test
    void aWeeklyRuleKeepsTenLocalInEachZoneAcrossSpringAndAutumn() {
        assertThat(occurrences("every friday 10:00", BERLIN, "2026-03-23T09:00:00Z", 2))
                .isEqualTo(instants("2026-03-27T09:00:00Z", "2026-04-03T08:00:00Z"));
        assertThat(occurrences("every friday 10:00", BERLIN, "2026-10-19T09:00:00Z", 2))
                .isEqualTo(instants("2026-10-23T08:00:00Z", "2026-10-30T09:00:00Z"));
        assertThat(occurrences("every friday 10:00", TOKYO, "2026-03-23T09:00:00Z", 2))
                .isEqualTo(instants("2026-03-27T01:00:00Z", "2026-04-03T01:00:00Z"));
        assertThat(occurrences("every friday 10:00", NEW_YORK, "2026-10-23T15:00:00Z", 2))
                .isEqualTo(instants("2026-10-30T14:00:00Z", "2026-11-06T15:00:00Z"));
    }

    @Test
    void weekdayAndTwoDayRulesSkipTheOtherDays() {
        // From Friday 27 March after 9:30 in Berlin: Monday to Friday, then Monday again
        assertThat(occurrences("every weekday 9:30", BERLIN, "2026-03-27T12:00:00Z", 6)).isEqualTo(instants(
                "2026-03-30T07:30:00Z", "2026-03-31T07:30:00Z", "2026-04-01T07:30:00Z", "2026-04-02T07:30:00Z",
                "2026-04-03T07:30:00Z", "2026-04-06T07:30:00Z"));
        assertThat(occurrences("every monday and thursday 9:30", NEW_YORK, "2026-03-27T12:00:00Z", 3))
                .isEqualTo(instants("2026-03-30T13:30:00Z", "2026-04-02T13:30:00Z", "2026-04-06T13:30:00Z"));
    }

    @Test
    void aDailyRuleInTheHourThatDoesNotExistOrComesTwiceHappensOnceADay() {
        // 02:30 does not exist in Berlin on 29 March (the clocks jump to 03:00): it happens at 03:30 CEST
        assertThat(occurrences("every day 2:30", BERLIN, "2026-03-27T12:00:00Z", 3)).isEqualTo(instants(
                "2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z"));
        // 02:30 comes twice on 25 October: once only, the first time
        assertThat(occurrences("every day 2:30", BERLIN, "2026-10-23T12:00:00Z", 3)).isEqualTo(instants(
                "2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"));
    }

    @Test
    void theLocalSeriesNeverMovesWithTheClocks() {
        Recurrence daily = Times.recurrence("every day 10:00");
        LocalDateTime saturday = LocalDateTime.parse("2026-03-28T10:00");
        assertThat(daily.nextAfter(saturday, saturday)).isEqualTo(LocalDateTime.parse("2026-03-29T10:00"));
        assertThat(daily.firstOnOrAfter(LocalDateTime.parse("2026-03-28T10:00")))
                .isEqualTo(LocalDateTime.parse("2026-03-28T10:00"));
        assertThat(daily.firstOnOrAfter(LocalDateTime.parse("2026-03-28T10:01")))
                .isEqualTo(LocalDateTime.parse("2026-03-29T10:00"));
    }
}
