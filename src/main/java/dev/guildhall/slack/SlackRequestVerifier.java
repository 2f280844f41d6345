package dev.guildhall.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Slack's request signing, v0: {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}, and a timestamp
 * no further than five minutes from now, so a captured request cannot be replayed later. The clock is injected
 * so that Slack's published test vector (from 2018) can be checked.
 */
final class SlackRequestVerifier {
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;

    SlackRequestVerifier(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    boolean isValid(Optional<String> timestamp, Optional<String> signature, String body) {
        if (timestamp.isEmpty() || signature.isEmpty()) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > WINDOW.toSeconds()) {
            return false;
        }
        byte[] expected = ("v0=" + hmac("v0:" + timestamp.get().strip() + ":" + body))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.get().strip().getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String base) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
