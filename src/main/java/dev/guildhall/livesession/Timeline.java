package dev.guildhall.livesession;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The confusion of a session over time: flags raised per minute (wider steps for long sessions, so the summary stays
 * readable) and the most people lost at once during each step — so the session's peak is always one of the rows.
 * Quiet steps are left out.
 */
record Timeline(Duration step, List<Row> rows, int totalRaised, int peakLost) {
    private static final int[] STEP_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 240, 720};

    record Row(Instant from, int raised, int peakLost) {
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
            int raised = 0;
            int lost = upAt(flags, from);
            for (Flag flag : flags) {
                if (!flag.raisedAt().isBefore(from) && flag.raisedAt().isBefore(to)) {
                    raised++;
                    lost = Math.max(lost, upAt(flags, flag.raisedAt()));
                }
            }
            if (raised > 0 || lost > 0) {
                rows.add(new Row(from, raised, lost));
            }
        }
        return rows;
    }

    /** How many flags were up right at that moment (one raised then counts, one that ended then does not). */
    private static int upAt(List<Flag> flags, Instant t) {
        int up = 0;
        for (Flag flag : flags) {
            if (!flag.raisedAt().isAfter(t) && (flag.endedAt() == null || flag.endedAt().isAfter(t))) {
                up++;
            }
        }
        return up;
    }

    /** The most people lost at once: the count right after some flag went up. */
    static int peak(List<Flag> flags) {
        int peak = 0;
        for (Flag raised : flags) {
            peak = Math.max(peak, upAt(flags, raised.raisedAt()));
        }
        return peak;
    }
}
