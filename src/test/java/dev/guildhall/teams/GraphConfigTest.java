package dev.guildhall.teams;

import dev.guildhall.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphConfigTest {
    @Test
    void graphIsMicrosoftsWithNoTenantWideRightsUnlessSaidOtherwise() {
        assertThat(GraphConfig.from(Map.of())).isEqualTo(new GraphConfig("https://graph.microsoft.com/v1.0", false));
        assertThat(GraphConfig.from(Map.of(GraphConfig.URL, "http://127.0.0.1:8089/v1.0/",
                GraphConfig.TENANT_WIDE, "TRUE"))).isEqualTo(new GraphConfig("http://127.0.0.1:8089/v1.0", true));
    }

    @Test
    void aWrongValueIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> GraphConfig.from(Map.of(GraphConfig.URL, "graph.microsoft.com")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_GRAPH_URL");
        assertThatThrownBy(() -> GraphConfig.from(Map.of(GraphConfig.TENANT_WIDE, "yes")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_GRAPH_TENANT_WIDE");
    }
}
