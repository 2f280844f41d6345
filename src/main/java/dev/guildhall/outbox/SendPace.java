package dev.guildhall.outbox;

import dev.guildhall.core.Durations;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How fast the outbox may send on each platform: so many messages per window in one channel (or DM), and so many
 * across a whole workspace. Written like {@code slack=1/1s,300/1m;teams=7/1s,1800/1m}; a platform not named is
 * not paced (the console). Defaults follow the platforms' published limits: Slack's chat.postMessage allows about one
 * message a second per channel and a few hundred a minute per workspace; Teams about 7 a second per conversation.
 */
public record SendPace(Map<String, Limits> byPlatform) {
    public static final String DEFAULT = "slack=1/1s,300/1m;teams=7/1s,1800/1m";

    public SendPace {
        byPlatform = Map.copyOf(byPlatform);
    }

    /** One rate: {@code count} messages per {@code window}. */
    public record Rate(int count, Duration window) {
        public Rate {
            if (count < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate needs a count of at least 1 and a window longer than 0");
            }
        }

        double perSecond() {
            return count / (window.toMillis() / 1000.0);
        }

        /** How many may go at once after a quiet spell: a whole window's worth only for windows of a second or less. */
        double burst() {
            return window.compareTo(Duration.ofSeconds(1)) <= 0 ? count : Math.max(1, count / 10.0);
        }

        @Override
        public String toString() {
            return count + "/" + window.toSeconds() + "s";
        }
    }

    public record Limits(Rate perChannel, Rate perWorkspace) {
    }

    public static SendPace defaults() {
        return parse(DEFAULT);
    }

    public static SendPace none() {
        return new SendPace(Map.of());
    }

    public Optional<Limits> of(String platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    /** @throws IllegalArgumentException saying what is wrong and how it should look */
    public static SendPace parse(String text) {
        String how = " Write it like " + DEFAULT + " (per platform: messages per channel, then per workspace).";
        Map<String, Limits> limits = new HashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] sides = entry.split("=", 2);
            String[] rates = sides.length == 2 ? sides[1].split(",") : new String[0];
            if (sides.length != 2 || sides[0].isBlank() || rates.length != 2) {
                throw new IllegalArgumentException("\"" + entry.strip() + "\" is not a platform's pace." + how);
            }
            limits.put(sides[0].strip().toLowerCase(Locale.ROOT), new Limits(rate(rates[0], how), rate(rates[1], how)));
        }
        return new SendPace(limits);
    }

    private static Rate rate(String text, String how) {
        String[] parts = text.strip().split("/", 2);
        try {
            return new Rate(Integer.parseInt(parts[0].strip()), Durations.parse(parts[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a rate like 300/1m." + how);
        }
    }
}
