package dev.guildhall.bench;

import java.util.Arrays;

/** Percentiles of measured nanoseconds, printed in milliseconds. */
record Stats(long count, double p50, double p90, double p99, double max) {
    static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            return new Stats(0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (n=%d)", p50, p90, p99, max, count);
    }
}
