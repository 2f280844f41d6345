package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.guildhall.core.AdjustableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SlackRequestVerifierTest {
    // The example of Slack's "Verifying requests from Slack" page: secret, timestamp, body and signature.
    private static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String DOC_TIMESTAMP = "1531420618";
    private static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.ofEpochSecond(1531420618));
    private final SlackRequestVerifier verifier = new SlackRequestVerifier(DOC_SECRET, clock);

    @Test
    void acceptsSlacksDocumentedExample() {
        assertThat(verifier.isValid(Optional.of(DOC_TIMESTAMP), Optional.of(DOC_SIGNATURE), DOC_BODY)).isTrue();
    }

    @Test
    void acceptsWithinFiveMinutesAndRefusesAfter() {
        clock.advance(Duration.ofMinutes(5));
        assertThat(verifier.isValid(Optional.of(DOC_TIMESTAMP), Optional.of(DOC_SIGNATURE), DOC_BODY)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(verifier.isValid(Optional.of(DOC_TIMESTAMP), Optional.of(DOC_SIGNATURE), DOC_BODY)).isFalse();
    }

    @Test
    void refusesATimestampFromTheFuture() {
        String later = String.valueOf(1531420618 + 301);
        String signature = new SlackSignature.Generator(DOC_SECRET).generate(later, DOC_BODY);

        assertThat(verifier.isValid(Optional.of(later), Optional.of(signature), DOC_BODY)).isFalse();
    }

    @Test
    void refusesAnotherSecretAChangedBodyAndMissingOrMalformedHeaders() {
        String other = new SlackSignature.Generator("another-secret").generate(DOC_TIMESTAMP, DOC_BODY);

        assertThat(verifier.isValid(Optional.of(DOC_TIMESTAMP), Optional.of(other), DOC_BODY)).isFalse();
        assertThat(verifier.isValid(Optional.of(DOC_TIMESTAMP), Optional.of(DOC_SIGNATURE), DOC_BODY + "&x=1"))
                .isFalse();
        assertThat(verifier.isValid(Optional.empty(), Optional.of(DOC_SIGNATURE), DOC_BODY)).isFalse();
        assertThat(verifier.isValid(Optional.of(DOC_TIMESTAMP), Optional.empty(), DOC_BODY)).isFalse();
        assertThat(verifier.isValid(Optional.of("yesterday"), Optional.of(DOC_SIGNATURE), DOC_BODY)).isFalse();
        assertThat(verifier.isValid(Optional.of(DOC_TIMESTAMP), Optional.of("v0=00"), DOC_BODY)).isFalse();
    }

    @Test
    void agreesWithBoltsSigner() {
        SlackRequestVerifier mine = new SlackRequestVerifier("s3cret", clock);
        String body = "{\"type\":\"event_callback\",\"text\":\"caf\u00e9 \u2014 \u2705\"}";

        assertThat(mine.isValid(Optional.of(DOC_TIMESTAMP),
                Optional.of(new SlackSignature.Generator("s3cret").generate(DOC_TIMESTAMP, body)), body)).isTrue();
    }
}
