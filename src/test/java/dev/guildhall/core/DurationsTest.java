package dev.guildhall.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void readsDaysHoursMinutesSecondsAndCombinations() {
        assertThat(Durations.parse("25h")).isEqualTo(Duration.ofHours(25));
        assertThat(Durations.parse("47h30m")).isEqualTo(Duration.ofMinutes(47 * 60 + 30));
        assertThat(Durations.parse("3D")).isEqualTo(Duration.ofDays(3));
        assertThat(Durations.parse(" 90s ")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refusesAnythingElseSayingHowToWriteIt() {
        assertThatThrownBy(() -> Durations.parse("tomorrow")).hasMessageContaining("like 25h");
        assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("like 25h");
        assertThatThrownBy(() -> Durations.parse("-5h")).hasMessageContaining("like 25h");
    }

    @Test
    void theClockOnlyMovesForward() {
        AdjustableClock clock = AdjustableClock.fixedAt(java.time.Instant.EPOCH);
        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(java.time.Instant.EPOCH.plusSeconds(3600));
        assertThatThrownBy(() -> clock.advance(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
