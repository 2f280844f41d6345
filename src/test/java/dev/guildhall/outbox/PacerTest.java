package dev.guildhall.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacerTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private final Pacer pacer = new Pacer(SendPace.parse("slack=1/1s,10/1m"));

    private static Pacer.Target dm(String user) {
        return new Pacer.Target("slack", "slack:T1", "slack:T1:" + user, "post");
    }

    @Test
    void oneMessageASecondPerChannel() {
        Pacer pacer = new Pacer(SendPace.parse("slack=1/1s,600/1m"));
        assertThat(pacer.tryAcquire(dm("U1"), T0)).isTrue();
        assertThat(pacer.tryAcquire(dm("U1"), T0.plusMillis(500))).isFalse();
        assertThat(pacer.tryAcquire(dm("U1"), T0.plusSeconds(1))).isTrue();
    }

    @Test
    void aWorkspaceBudgetSharedByAllChannels() {
        // 10 a minute: a burst of 1, then one every 6 s
        assertThat(pacer.tryAcquire(dm("U1"), T0)).isTrue();
        assertThat(pacer.tryAcquire(dm("U2"), T0)).isFalse();
        assertThat(pacer.tryAcquire(dm("U2"), T0.plusSeconds(5))).isFalse();
        assertThat(pacer.tryAcquire(dm("U2"), T0.plusSeconds(6))).isTrue();
    }

    @Test
    void retryAfterStopsTheWholeMethodOnThePlatform() {
        pacer.stop(dm("U1"), T0.plusSeconds(30));
        assertThat(pacer.tryAcquire(dm("U9"), T0.plusSeconds(29))).isFalse();
        assertThat(pacer.tryAcquire(new Pacer.Target("slack", "slack", "slack:C1", "update"), T0)).isTrue();
        assertThat(pacer.tryAcquire(dm("U9"), T0.plusSeconds(30))).isTrue();
    }

    @Test
    void unpacedPlatformsGoAtOnce() {
        Pacer.Target console = new Pacer.Target("console", "console", "console:bob", "post");
        for (int i = 0; i < 100; i++) {
            assertThat(pacer.tryAcquire(console, T0)).isTrue();
        }
    }

    @Test
    void aBadPaceSaysHowToWriteIt() {
        assertThatThrownBy(() -> SendPace.parse("slack=fast")).hasMessageContaining("slack=1/1s,300/1m");
        assertThatThrownBy(() -> SendPace.parse("slack=1/1s,0/1m")).hasMessageContaining("0/1m");
        assertThat(SendPace.defaults().of("slack")).isPresent();
        assertThat(SendPace.defaults().of("console")).isEmpty();
    }
}
