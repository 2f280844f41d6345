package dev.guildhall.insights;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Medians and percentiles in Java, so the SQL stays the same on SQLite and PostgreSQL. */
final class Stats {
    private Stats() {
    }

    /** Nearest-rank percentile ({@code p} in 0..1] of the durations, or empty when there are none. */
    static Optional<Duration> percentile(List<Duration> values, double p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        return Optional.of(sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1)));
    }

    static Optional<Duration> median(List<Duration> values) {
        return percentile(values, 0.5);
    }

    /** "3 h", "2 days", "45 min": a wait as a person says it. */
    static String human(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = duration.toHours();
        if (hours < 48) {
            return hours + " h";
        }
        return duration.toDays() + " days";
    }

    /** "1 topic", "2 topics": a count with its noun in the right number. */
    static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "—" : Math.round(100.0 * part / whole) + "%";
    }
}
