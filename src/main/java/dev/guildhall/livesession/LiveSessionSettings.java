package dev.guildhall.livesession;

import java.time.Duration;

/**
 * How long a flag stays up without being renewed, the window of "recent" flags on the board, and when a forgotten
 * session ends by itself (so a channel is never blocked for good), and the least time between two WAIT nudges.
 */
public record LiveSessionSettings(Duration flagLifetime, Duration recentWindow, Duration maxLength,
                                  Duration nudgeCooldown) {
    public static LiveSessionSettings defaults() {
        return new LiveSessionSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(12),
                Duration.ofMinutes(2));
    }
}
