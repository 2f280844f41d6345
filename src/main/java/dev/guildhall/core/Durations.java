package dev.guildhall.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 25h}, {@code 3d}, {@code 1d12h}, {@code 90m}, {@code 30s}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([dhms])");
    private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}[dhms])+");

    private Durations() {
    }

    public static Duration parse(String text) {
        String compact = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!WHOLE.matcher(compact).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration; write it like 25h, 3d, 1d12h, 90m or 30s");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(compact);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return total;
    }
}
