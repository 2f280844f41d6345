package dev.guildhall.teams;

import dev.guildhall.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeamsConfigTest {
    @Test
    void teamsIsOffUnlessConfigured() {
        assertThat(TeamsConfig.from(Map.of())).isEmpty();
        assertThat(TeamsConfig.from(Map.of(TeamsConfig.DEV, "false"))).isEmpty();
    }

    @Test
    void developmentModeNeedsNoAppId() {
        assertThat(TeamsConfig.from(Map.of(TeamsConfig.DEV, "true"))).hasValueSatisfying(c -> {
            assertThat(c.development()).isTrue();
            assertThat(c.appId()).isEmpty();
        });
    }

    @Test
    void anAppIdNeedsItsPasswordAndMayNameATenant() {
        assertThatThrownBy(() -> TeamsConfig.from(Map.of(TeamsConfig.APP_ID, "app")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("MICROSOFT_APP_PASSWORD is missing");
        assertThat(TeamsConfig.from(Map.of(TeamsConfig.APP_ID, "app", TeamsConfig.APP_PASSWORD, "pw",
                TeamsConfig.TENANT_ID, "tenant-1"))).hasValueSatisfying(c -> {
                    assertThat(c.development()).isFalse();
                    assertThat(c.tenantId()).contains("tenant-1");
                });
    }

    @Test
    void developmentModeWithAnAppIdOrAWrongValueIsRefused() {
        assertThatThrownBy(() -> TeamsConfig.from(Map.of(TeamsConfig.APP_ID, "app", TeamsConfig.APP_PASSWORD, "pw",
                TeamsConfig.DEV, "true"))).isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_TEAMS_DEV");
        assertThatThrownBy(() -> TeamsConfig.from(Map.of(TeamsConfig.DEV, "yes")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_TEAMS_DEV");
    }
}
