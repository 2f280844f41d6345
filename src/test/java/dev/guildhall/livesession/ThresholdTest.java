package dev.guildhall.livesession;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration COOLDOWN = Duration.ofMinutes(2);

    @Test
    void theDefaultIsTwo() {
        assertThat(Threshold.of(OptionalInt.empty(), OptionalInt.empty())).isEqualTo(2);
    }

    @Test
    void aChosenThresholdWins() {
        assertThat(Threshold.of(OptionalInt.of(5), OptionalInt.of(300))).isEqualTo(5);
        assertThat(Threshold.of(OptionalInt.of(1), OptionalInt.empty())).isEqualTo(1);
    }

    @Test
    void aKnownMemberCountGivesTenPercentRoundedUpButNeverBelowTwo() {
        assertThat(Threshold.of(OptionalInt.empty(), OptionalInt.of(40))).isEqualTo(4);
        assertThat(Threshold.of(OptionalInt.empty(), OptionalInt.of(41))).isEqualTo(5);
        assertThat(Threshold.of(OptionalInt.empty(), OptionalInt.of(8))).isEqualTo(2);
        assertThat(Threshold.of(OptionalInt.empty(), OptionalInt.of(0))).isEqualTo(2);
    }

    @Test
    void reachingTheThresholdNudgesOncePerCrossing() {
        assertThat(Threshold.shouldNudge(1, 2, true, Optional.empty(), NOW, COOLDOWN)).isFalse();
        assertThat(Threshold.shouldNudge(2, 2, true, Optional.empty(), NOW, COOLDOWN)).isTrue();
        assertThat(Threshold.armedAfter(2, 2, true, true)).isFalse();
        assertThat(Threshold.shouldNudge(3, 2, false, Optional.of(NOW), NOW.plusSeconds(600), COOLDOWN)).isFalse();
        assertThat(Threshold.armedAfter(1, 2, false, false)).as("below the threshold re-arms").isTrue();
    }

    @Test
    void noSecondNudgeWithinTheCooldown() {
        assertThat(Threshold.shouldNudge(2, 2, true, Optional.of(NOW), NOW.plusSeconds(119), COOLDOWN)).isFalse();
        assertThat(Threshold.armedAfter(2, 2, true, false)).as("stays armed for when the cooldown is over").isTrue();
        assertThat(Threshold.shouldNudge(2, 2, true, Optional.of(NOW), NOW.plusSeconds(120), COOLDOWN)).isTrue();
    }
}
