package dev.guildhall.app;

import dev.guildhall.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigSendPaceTest {
    @Test
    void thePaceDefaultsToThePlatformsPublishedLimits() {
        Config config = Config.from(Map.of());
        assertThat(config.sendPace().of("slack")).hasValueSatisfying(limits ->
                assertThat(limits.perWorkspace().count()).isEqualTo(300));
    }

    @Test
    void aMalformedPaceStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> Config.from(Map.of(Config.SEND_PACE, "slack=lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("GUILDHALL_SEND_PACE: ")
                .hasMessageContaining("slack=1/1s,300/1m");
    }

    @Test
    void aPaceCanBeSetPerPlatform() {
        Config config = Config.from(Map.of(Config.SEND_PACE, "slack=2/1s,600/1m"));
        assertThat(config.sendPace().of("slack").orElseThrow().perChannel().count()).isEqualTo(2);
        assertThat(config.sendPace().of("teams")).isEmpty();
    }
}
