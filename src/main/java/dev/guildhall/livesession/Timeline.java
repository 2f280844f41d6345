package dev.guildhall.livesession;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The confusion of a session over time: flags raised per minute (wider steps for long sessions, so the summary stays
 * readable) and how many people were lost at the end of each step. Quiet steps are left out.
 */
record Timeline(Duration step, List<Row> rows, int totalRaised, int peakLost) {
    private static final int[] STEP_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 240, 720};

    record Row(Instant from, int raised, int lostAtEnd) {
    }

    static Timeline of(List<Flag> flags, Instant start, Instant end, int maxRows) {
        Instant first = start.truncatedTo(ChronoUnit.MINUTES);
        List<Row> rows = List.of();
        Duration step = Duration.ofMinutes(1);
        for (int minutes : STEP_MINUTES) {
            step = Duration.ofMinutes(minutes);
            rows = rows(flags, first, end, step);
            if (rows.size() <= maxRows) {
                break;
            }
        }
        if (rows.size() > maxRows) {
            rows = rows.subList(rows.size() - maxRows, rows.size());
        }
        return new Timeline(step, rows, flags.size(), peak(flags));
    }

    private static List<Row> rows(List<Flag> flags, Instant first, Instant end, Duration step) {
        List<Row> rows = new ArrayList<>();
        for (Instant from = first; from.isBefore(end) || from.equals(first); from = from.plus(step)) {
            Instant to = from.plus(step);
            Instant at = to.isAfter(end) ? end : to;
            int raised = 0;
            int lost = 0;
            for (Flag flag : flags) {
                if (!flag.raisedAt().isBefore(from) && flag.raisedAt().isBefore(to)) {
                    raised++;
                }
                if (isUpAt(flag, at)) {
                    lost++;
                }
            }
            if (raised > 0 || lost > 0) {
                rows.add(new Row(from, raised, lost));
            }
        }
        return rows;
    }

    /** Whether the flag was up just before the instant (a flag that ends at the session's end counts as up until it). */
    private static boolean isUpAt(Flag flag, Instant at) {
        return flag.raisedAt().isBefore(at) && (flag.endedAt() == null || !flag.endedAt().isBefore(at));
    }

    /** The most people lost at once: the count right after some flag went up. */
    static int peak(List<Flag> flags) {
        int peak = 0;
        for (Flag raised : flags) {
            Instant t = raised.raisedAt();
            int up = 0;
            for (Flag flag : flags) {
                if (!flag.raisedAt().isAfter(t) && (flag.endedAt() == null || flag.endedAt().isAfter(t))) {
                    up++;
                }
            }
            peak = Math.max(peak, up);
        }
        return peak;
    }
}
