package dev.guildhall.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/** Every time form the bot reads, in one table, at a fixed clock: Tuesday 1 Dec 2026, 11:00 in Berlin. */
class TimesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Optional<ZoneId> KNOWN = Optional.of(BERLIN);
    private static final Optional<ZoneId> UNKNOWN = Optional.empty();

    /** A row: what was typed, the zone known (or not), the first moment expected and the rule (null: one-off). */
    private record Row(String typed, Optional<ZoneId> zone, String first, String rule) {
    }

    private static final List<Row> READABLE = List.of(
            new Row("2026-12-10T16:00Z", UNKNOWN, "2026-12-10T16:00:00Z", null),
            new Row("2026-12-10T16:00+01:00", UNKNOWN, "2026-12-10T15:00:00Z", null),
            new Row("2026-12-10 16:00 +0100", UNKNOWN, "2026-12-10T15:00:00Z", null),
            new Row("2026-12-10T16:00Z", KNOWN, "2026-12-10T16:00:00Z", null),
            new Row("in 90m", UNKNOWN, "2026-12-01T11:30:00Z", null),
            new Row("in 2 hours", UNKNOWN, "2026-12-01T12:00:00Z", null),
            new Row("in 2d", KNOWN, "2026-12-03T10:00:00Z", null),
            new Row("4pm", KNOWN, "2026-12-01T15:00:00Z", null),
            new Row("9am", KNOWN, "2026-12-02T08:00:00Z", null),
            new Row("at 16:30", KNOWN, "2026-12-01T15:30:00Z", null),
            new Row("2026-12-10 16:00", KNOWN, "2026-12-10T15:00:00Z", null),
            new Row("2026-12-10T16:00", KNOWN, "2026-12-10T15:00:00Z", null),
            new Row("2026-12-10 4pm", KNOWN, "2026-12-10T15:00:00Z", null),
            new Row("2026-12-10 4:30pm", KNOWN, "2026-12-10T15:30:00Z", null),
            new Row("2026-12-10 at 4:30 PM", KNOWN, "2026-12-10T15:30:00Z", null),
            new Row("today 4pm", KNOWN, "2026-12-01T15:00:00Z", null),
            new Row("tomorrow 16:00", KNOWN, "2026-12-02T15:00:00Z", null),
            new Row("next thursday 18:00", KNOWN, "2026-12-03T17:00:00Z", null),
            new Row("next tuesday 18:00", KNOWN, "2026-12-08T17:00:00Z", null),
            new Row("tuesday 9:00", KNOWN, "2026-12-08T08:00:00Z", null),
            new Row("Dec 10 16:00", KNOWN, "2026-12-10T15:00:00Z", null),
            new Row("10 December 4pm", KNOWN, "2026-12-10T15:00:00Z", null),
            new Row("10th of december at 4pm", KNOWN, "2026-12-10T15:00:00Z", null),
            new Row("December 10, 2027 16:00", KNOWN, "2027-12-10T15:00:00Z", null),
            new Row("Jan 5 9:00", KNOWN, "2027-01-05T08:00:00Z", null),
            new Row("every weekday 9:30", KNOWN, "2026-12-02T08:30:00Z",
                    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=30"),
            new Row("weekdays at 9:30am", KNOWN, "2026-12-02T08:30:00Z",
                    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=30"),
            new Row("every other wednesday 16:00", KNOWN, "2026-12-02T15:00:00Z",
                    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;BYHOUR=16;BYMINUTE=0"),
            new Row("every day 10:00", KNOWN, "2026-12-02T09:00:00Z", "FREQ=DAILY;BYHOUR=10;BYMINUTE=0"),
            new Row("daily at 4pm", KNOWN, "2026-12-01T15:00:00Z", "FREQ=DAILY;BYHOUR=16;BYMINUTE=0"),
            new Row("every 2nd tuesday 16:00", KNOWN, "2026-12-08T15:00:00Z",
                    "FREQ=MONTHLY;BYDAY=2TU;BYHOUR=16;BYMINUTE=0"),
            new Row("monthly on the first monday 9:00", KNOWN, "2026-12-07T08:00:00Z",
                    "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=9;BYMINUTE=0"),
            new Row("every last friday 17:00", KNOWN, "2026-12-25T16:00:00Z",
                    "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17;BYMINUTE=0"),
            new Row("weekly on thursday 10:00", KNOWN, "2026-12-03T09:00:00Z",
                    "FREQ=WEEKLY;BYDAY=TH;BYHOUR=10;BYMINUTE=0"),
            new Row("every thursdays at 4pm", KNOWN, "2026-12-03T15:00:00Z",
                    "FREQ=WEEKLY;BYDAY=TH;BYHOUR=16;BYMINUTE=0"),
            new Row("every monday and thursday 9:30", KNOWN, "2026-12-03T08:30:00Z",
                    "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30"),
            new Row("every mon, wed, fri 9:30", KNOWN, "2026-12-02T08:30:00Z",
                    "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=30"));

    private static final List<String> NEEDS_A_ZONE = List.of("4pm", "2026-12-10 16:00", "next thursday 18:00",
            "Dec 10 16:00", "every day 10:00", "every 2nd tuesday 16:00");

    private static final List<String> UNREADABLE = List.of("someday", "25:00", "16", "13pm", "2026-13-40 10:00",
            "Feb 30 10:00", "every funday 10:00", "in forever", "every 5th monday 10:00", "next blursday 18:00");

    @Test
    void readsEachFormInTheTable() {
        assertSoftly(soft -> {
            for (Row row : READABLE) {
                When when;
                try {
                    when = Times.read(row.typed(), row.zone(), NOW);
                } catch (UnreadableTime e) {
                    soft.fail(row.typed() + ": " + e.getMessage());
                    continue;
                }
                soft.assertThat(when.first()).as(row.typed()).isEqualTo(Instant.parse(row.first()));
                soft.assertThat(when.recurrence().map(Recurrence::rrule).orElse(null)).as(row.typed())
                        .isEqualTo(row.rule());
            }
        });
    }

    @Test
    void localTimesWithoutAZoneAskForOne() {
        for (String typed : NEEDS_A_ZONE) {
            assertThatThrownBy(() -> Times.read(typed, UNKNOWN, NOW)).as(typed).isInstanceOf(ZoneNeeded.class);
        }
    }

    @Test
    void anythingElseIsRefusedWithTheFormsThatWork() {
        for (String typed : UNREADABLE) {
            assertThatThrownBy(() -> Times.read(typed, KNOWN, NOW)).as(typed).isInstanceOf(UnreadableTime.class)
                    .isNotInstanceOf(ZoneNeeded.class).hasMessageContaining(Times.FORMS);
        }
    }

    @Test
    void everyFormTheHelpNamesReallyParses() {
        Times.EXAMPLES.forEach(example -> assertThat(Times.read(example, KNOWN, NOW).first()).as(example)
                .isAfter(NOW));
        Times.ZONELESS_EXAMPLES.forEach(example -> assertThat(Times.read(example, UNKNOWN, NOW).first())
                .as(example).isAfter(NOW));
        assertThat(Times.FORMS).contains("\"every weekday 9:30\"", "\"4pm\"", "\"in 90m\"");
    }

    @Test
    void aWordedRuleComesBackInWords() {
        assertSoftly(soft -> {
            for (Row row : READABLE) {
                if (row.rule() != null) {
                    Recurrence rule = new Recurrence(row.rule());
                    soft.assertThat(Times.recurrence(rule.describe())).as(row.typed()).isEqualTo(rule);
                }
            }
        });
        assertThat(new Recurrence("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=30").describe())
                .isEqualTo("every weekday 09:30");
        assertThat(new Recurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;BYHOUR=16;BYMINUTE=0").describe())
                .isEqualTo("every other wednesday 16:00");
    }

    @Test
    void occurrencesFollowTheRuleAcrossDaylightSaving() {
        Recurrence everyOther = Times.recurrence("every other wednesday 16:00");
        Instant first = Instant.parse("2026-12-02T15:00:00Z");
        assertThat(everyOther.nextAfter(first, first, BERLIN)).isEqualTo(Instant.parse("2026-12-16T15:00:00Z"));
        Recurrence daily = Times.recurrence("every day 10:00");
        Instant beforeTheChange = Instant.parse("2027-03-27T09:00:00Z");
        assertThat(daily.nextAfter(beforeTheChange, beforeTheChange, BERLIN)).isEqualTo(
                Instant.parse("2027-03-28T08:00:00Z"));
    }
}
