package dev.guildhall.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.app.Config;
import dev.guildhall.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Log lines: one per event, key=value or JSON, and no credential survives in them. */
class LogLineTest {
    private final Logger logger = new LoggerContext().getLogger("dev.guildhall.Example");

    private String layout(String format, String message, Throwable error, List<String> secrets) {
        LogLine layout = new LogLine();
        layout.setFormat(format);
        layout.setSecrets(secrets);
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, message, error, null);
        event.setTimeStamp(1_700_000_000_000L);
        return layout.doLayout(event);
    }

    @Test
    void keyValueIsOneLineEvenWithAStackTrace() {
        String line = layout("keyvalue", "delivery failed\nfor row 7", new IllegalStateException("boom"), List.of());

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n")
                .startsWith("ts=2023-11-14T22:13:20Z level=WARN logger=dev.guildhall.Example")
                .contains("msg=\"delivery failed\\nfor row 7\"", "error=\"java.lang.IllegalStateException: boom\"",
                        "stack=\"  at dev.guildhall.ops.LogLineTest");
    }

    @Test
    void jsonIsOneObjectPerLine() throws Exception {
        String line = layout("json", "say \"hi\"", new RuntimeException("x"), List.of());

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("msg").asText()).isEqualTo("say \"hi\"");
        assertThat(json.get("error").asText()).isEqualTo("java.lang.RuntimeException: x");
    }

    @Test
    void credentialsAreMaskedWhateverLoggedThem() {
        String line = layout("keyvalue", "POST with Authorization: Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl token"
                        + " xoxb-123-456-abcdef and xapp-1-A1-2-ff, secret 8f14e45fceea167a",
                new IllegalStateException("refused xoxp-9-9-9"), List.of("8f14e45fceea167a"));

        assertThat(line).doesNotContain("xoxb-123", "xapp-1-A1", "eyJhbGciOi", "8f14e45fceea167a", "xoxp-9")
                .contains("[redacted]");
    }

    @Test
    void secretsComeFromTheSecretVariablesOnly() {
        assertThat(LogLine.secretsFrom(Map.of("SLACK_SIGNING_SECRET", "abcdef123456", "PORT", "3000",
                "MICROSOFT_APP_PASSWORD", " p4ssw0rd~x "))).containsExactlyInAnyOrder("abcdef123456", "p4ssw0rd~x");
    }

    @Test
    void anUnknownLogFormatStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> Config.from(Map.of("LOG_FORMAT", "xml"))).isInstanceOf(ConfigException.class)
                .hasMessage("LOG_FORMAT must be keyvalue or json; got xml");
        assertThat(Config.from(Map.of("LOG_FORMAT", "JSON"))).isNotNull();
    }

    @Test
    void adminsMustBePlatformQualified() {
        assertThatThrownBy(() -> Config.from(Map.of("GUILDHALL_ADMINS", "slack:T1:U1, U2")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_ADMINS lists people by");
        assertThat(Config.from(Map.of("GUILDHALL_ADMINS", "slack:T1:U1 , console:alice,")).admins().people())
                .extracting(Object::toString).containsExactlyInAnyOrder("slack:T1:U1", "console:alice");
    }
}
