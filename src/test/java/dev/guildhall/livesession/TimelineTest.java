package dev.guildhall.livesession;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {
    private static final Instant START = Instant.parse("2026-11-26T10:00:30Z");

    private static Flag flag(long id, int raisedSecond, Integer endedSecond) {
        return new Flag(id, 1, START.plusSeconds(raisedSecond), START.plusSeconds(raisedSecond + 300),
                endedSecond == null ? null : START.plusSeconds(endedSecond));
    }

    @Test
    void countsFlagsPerMinuteAndWhoIsStillLostLeavingQuietMinutesOut() {
        List<Flag> flags = List.of(flag(1, 0, 100), flag(2, 10, null), flag(3, 200, 260));
        Timeline timeline = Timeline.of(flags, START, START.plusSeconds(600), 30);

        assertThat(timeline.totalRaised()).isEqualTo(3);
        assertThat(timeline.peakLost()).isEqualTo(2);
        assertThat(timeline.rows().get(0)).isEqualTo(new Timeline.Row(Instant.parse("2026-11-26T10:00:00Z"), 2, 2));
        assertThat(timeline.rows().get(1)).isEqualTo(new Timeline.Row(Instant.parse("2026-11-26T10:01:00Z"), 0, 2));
        assertThat(timeline.rows().get(2)).isEqualTo(new Timeline.Row(Instant.parse("2026-11-26T10:02:00Z"), 0, 2));
        assertThat(timeline.rows()).extracting(Timeline.Row::raised).containsOnly(0, 1, 2);
    }

    @Test
    void aStepShowsTheMostLostAtOnceWithinIt() {
        // Given two flags up at once, both down again before the minute ends
        List<Flag> flags = List.of(flag(1, 0, 20), flag(2, 10, 25));

        Timeline timeline = Timeline.of(flags, START, START.plusSeconds(600), 30);

        // Then the minute's row shows the two lost at once, the session's peak
        assertThat(timeline.peakLost()).isEqualTo(2);
        assertThat(timeline.rows()).containsExactly(new Timeline.Row(Instant.parse("2026-11-26T10:00:00Z"), 2, 2));
    }

    @Test
    void thePeakIsAlwaysOneOfTheRows() {
        long seed = 17L;
        java.util.Random random = new java.util.Random(seed);
        for (int round = 0; round < 300; round++) {
            List<Flag> flags = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                int raised = random.nextInt(3_000);
                flags.add(flag(i, raised, random.nextBoolean() ? null : raised + 1 + random.nextInt(400)));
            }
            Timeline timeline = Timeline.of(flags, START, START.plusSeconds(3_600), 30);
            int rowsPeak = timeline.rows().stream().mapToInt(Timeline.Row::peakLost).max().orElse(0);
            assertThat(rowsPeak).as("seed %d, round %d: %s", seed, round, flags).isEqualTo(timeline.peakLost());
        }
    }

    @Test
    void aQuietSessionHasNoRows() {
        Timeline timeline = Timeline.of(List.of(), START, START.plusSeconds(3600), 30);
        assertThat(timeline.rows()).isEmpty();
        assertThat(timeline.peakLost()).isZero();
    }

    @Test
    void aLongSessionUsesWiderStepsToStayReadable() {
        List<Flag> flags = new ArrayList<>();
        for (int minute = 0; minute < 180; minute += 3) {
            flags.add(flag(minute, minute * 60, minute * 60 + 30));
        }
        Timeline timeline = Timeline.of(flags, START, START.plusSeconds(180 * 60), 30);
        assertThat(timeline.rows()).hasSizeLessThanOrEqualTo(30);
        assertThat(timeline.step().toMinutes()).isGreaterThan(1);
        assertThat(timeline.rows().stream().mapToInt(Timeline.Row::raised).sum()).isEqualTo(60);
    }
}
