package dev.guildhall.guild;

import dev.guildhall.command.UsageException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeetupTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Thursday 26 November 2026, 10:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private static ZonedDateTime first(String when) {
        return MeetupTimes.parse(when, BERLIN, NOW).first().atZone(BERLIN);
    }

    @Test
    void oneOffTimes() {
        assertThat(first("2026-12-03 16:00")).isEqualTo(ZonedDateTime.of(2026, 12, 3, 16, 0, 0, 0, BERLIN));
        assertThat(first("2026-12-03T16:00")).isEqualTo(ZonedDateTime.of(2026, 12, 3, 16, 0, 0, 0, BERLIN));
        assertThat(first("2026-12-03T16:00:00Z").toInstant()).isEqualTo(Instant.parse("2026-12-03T16:00:00Z"));
        assertThat(first("tomorrow 4pm")).isEqualTo(ZonedDateTime.of(2026, 11, 27, 16, 0, 0, 0, BERLIN));
        assertThat(first("in 2d").toInstant()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(MeetupTimes.parse("2026-12-03 16:00", BERLIN, NOW).recurrence()).isEmpty();
    }

    @Test
    void weeklyAndMonthlyRules() {
        MeetupTimes.Plan weekly = MeetupTimes.parse("weekly on thursday 10:00", BERLIN, NOW);
        // 10:00 today is now, not after it: the first is next week
        assertThat(weekly.first().atZone(BERLIN)).isEqualTo(ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, BERLIN));
        assertThat(weekly.recurrence().orElseThrow().describe()).isEqualTo("weekly on thursday 10:00");
        assertThat(first("every Thursday 11:00")).isEqualTo(ZonedDateTime.of(2026, 11, 26, 11, 0, 0, 0, BERLIN));

        MeetupTimes.Plan monthly = MeetupTimes.parse("every 2nd tuesday 16:00", BERLIN, NOW);
        assertThat(monthly.first().atZone(BERLIN)).isEqualTo(ZonedDateTime.of(2026, 12, 8, 16, 0, 0, 0, BERLIN));
        Recurrence rule = monthly.recurrence().orElseThrow();
        assertThat(rule.nextAfter(monthly.first().atZone(BERLIN), BERLIN))
                .isEqualTo(ZonedDateTime.of(2027, 1, 12, 16, 0, 0, 0, BERLIN));
        assertThat(MeetupTimes.recurrence(rule.describe())).contains(rule);
        assertThat(first("every last friday 9am")).isEqualTo(ZonedDateTime.of(2026, 11, 27, 9, 0, 0, 0, BERLIN));
    }

    @Test
    void recurringTimesKeepTheirLocalHourAcrossDaylightSaving() {
        Recurrence rule = MeetupTimes.parse("weekly on sunday 10:00", BERLIN, Instant.parse("2027-03-21T12:00:00Z"))
                .recurrence().orElseThrow();
        ZonedDateTime afterSwitch = rule.nextAfter(ZonedDateTime.of(2027, 3, 21, 10, 0, 0, 0, BERLIN), BERLIN);
        assertThat(afterSwitch.toLocalTime().toString()).isEqualTo("10:00");
        assertThat(afterSwitch.getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void anUnreadableTimeSaysWhichFormsAreUnderstood() {
        assertThatThrownBy(() -> MeetupTimes.parse("next friday-ish", BERLIN, NOW))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("I can't read \"next friday-ish\" as a meetup time")
                .hasMessageContaining("2026-12-03 16:00").hasMessageContaining("every 2nd tuesday 16:00")
                .hasMessageContaining("weekly on thursday 10:00").hasMessageContaining("--tz");
        assertThatThrownBy(() -> MeetupTimes.parse("2026-02-30 10:00", BERLIN, NOW)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> MeetupTimes.parse("every 2nd blursday 16:00", BERLIN, NOW))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> MeetupTimes.parse("2026-11-01 10:00", BERLIN, NOW))
                .hasMessageContaining("already past");
    }
}
