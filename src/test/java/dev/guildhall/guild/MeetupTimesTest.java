package dev.guildhall.guild;

import dev.guildhall.command.UsageException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a meetup adds to the bot's one time reader (whose forms {@code time.TimesTest} covers): its refusals. */
class MeetupTimesTest {
    private static final Optional<ZoneId> BERLIN = Optional.of(ZoneId.of("Europe/Berlin"));
    /** Thursday 26 November 2026, 10:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final String RETRY = "/guild meetup k8s \"4pm\" \"Office hours\"";

    @Test
    void aMeetupIsPlacedInItsZoneOrTheTextsOwnOffset() {
        assertThat(MeetupTimes.parse("tomorrow 4pm", BERLIN, NOW, RETRY).first())
                .isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(MeetupTimes.parse("2026-12-03T16:00+01:00", Optional.empty(), NOW, RETRY).zone())
                .isEqualTo(ZoneId.of("+01:00"));
        assertThat(MeetupTimes.parse("in 90m", Optional.empty(), NOW, RETRY).zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void anUnreadableTimeSaysWhichFormsAreUnderstood() {
        assertThatThrownBy(() -> MeetupTimes.parse("next friday-ish", BERLIN, NOW, RETRY))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("I can't read \"next friday-ish\" as a meetup time")
                .hasMessageContaining("2026-12-10 16:00").hasMessageContaining("every 2nd tuesday 16:00")
                .hasMessageContaining("every weekday 9:30").hasMessageContaining("--tz");
        assertThatThrownBy(() -> MeetupTimes.parse("2026-02-30 10:00", BERLIN, NOW, RETRY))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> MeetupTimes.parse("every 2nd blursday 16:00", BERLIN, NOW, RETRY))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> MeetupTimes.parse("2026-11-01 10:00", BERLIN, NOW, RETRY))
                .hasMessageContaining("already past");
    }

    @Test
    void aLocalTimeWithoutAKnownZoneAsksForOne() {
        assertThatThrownBy(() -> MeetupTimes.parse("4pm", Optional.empty(), NOW, RETRY))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Which time zone is that in?")
                .hasMessageContaining(RETRY + " --tz Europe/Berlin");
    }
}
