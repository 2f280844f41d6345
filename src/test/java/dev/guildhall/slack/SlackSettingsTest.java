package dev.guildhall.slack;

import dev.guildhall.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackSettingsTest {
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void aMissingOrMalformedBotTokenIsNamed() {
        assertThatThrownBy(() -> SlackSettings.from(env())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_BOT_TOKEN is not set");
        assertThatThrownBy(() -> SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxp-user-token")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN must be a bot token")
                .hasMessageNotContaining("user-token");
    }

    @Test
    void aMalformedAppTokenApiUrlOrSecretIsNamed() {
        assertThatThrownBy(() -> SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2")))
                .hasMessageStartingWith("SLACK_APP_TOKEN must be an app-level token");
        assertThatThrownBy(() -> SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_API_URL", "slack.com")))
                .hasMessageStartingWith("SLACK_API_URL must be the http(s) URL");
        assertThatThrownBy(() -> SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "abc def"))).hasMessageStartingWith("SLACK_SIGNING_SECRET contains spaces");
    }

    @Test
    void theApiUrlDefaultsToSlacksAndGetsItsSlash() {
        assertThat(SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1")).apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_API_URL", "http://127.0.0.1:9/api"))
                .apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
    }

    @Test
    void serveIsHttpWithASecretAndSocketModeWithOnlyAnAppToken() {
        assertThat(SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"))
                .mode(false)).isEqualTo(SlackSettings.Mode.HTTP);
        assertThat(SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"))
                .mode(false)).isEqualTo(SlackSettings.Mode.SOCKET);
        assertThat(SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "SLACK_APP_TOKEN", "xapp-1")).mode(true)).isEqualTo(SlackSettings.Mode.SOCKET);
        assertThatThrownBy(() -> SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1")).mode(false))
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
        assertThatThrownBy(() -> SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"))
                .mode(true)).hasMessageStartingWith("SLACK_APP_TOKEN is not set");
    }

    @Test
    void neverPrintsItsSecrets() {
        assertThat(SlackSettings.from(env("SLACK_BOT_TOKEN", "xoxb-very-secret", "SLACK_SIGNING_SECRET", "hush",
                "SLACK_APP_TOKEN", "xapp-also-secret")).toString())
                .doesNotContain("very-secret").doesNotContain("hush").doesNotContain("also-secret");
    }
}
