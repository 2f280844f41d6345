package dev.guildhall.livesession;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When the presenter gets a WAIT nudge: the number they chose, else 10 % of the channel's members (rounded up,
 * never below the default) when the platform reports a member count, else 2 — two lost people is a pattern, one
 * might be a phone call.
 */
public final class Threshold {
    public static final int DEFAULT = 2;
    public static final int MAX = 1_000;

    private Threshold() {
    }

    public static int of(OptionalInt chosen, OptionalInt channelMembers) {
        if (chosen.isPresent()) {
            return chosen.getAsInt();
        }
        if (channelMembers.isPresent() && channelMembers.getAsInt() > 0) {
            int tenth = (channelMembers.getAsInt() + 9) / 10;
            return Math.min(MAX, Math.max(DEFAULT, tenth));
        }
        return DEFAULT;
    }

    /**
     * Whether this change nudges the presenter: the count reached the threshold, no nudge went out since it was last
     * below it, and the last nudge is at least {@code cooldown} old — a count flapping between 1 and 2 must not ping
     * the presenter every few seconds.
     */
    public static boolean shouldNudge(int active, int threshold, boolean armed, Optional<Instant> lastNudge,
                                      Instant now, Duration cooldown) {
        boolean cooled = lastNudge.map(last -> !now.isBefore(last.plus(cooldown))).orElse(true);
        return armed && active >= threshold && cooled;
    }

    /** Armed again once the count falls below the threshold; disarmed by a nudge; otherwise unchanged. */
    public static boolean armedAfter(int active, int threshold, boolean armed, boolean nudged) {
        if (active < threshold) {
            return true;
        }
        return armed && !nudged;
    }
}
