package dev.guildhall.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.app.Config;
import dev.guildhall.config.ConfigException;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.guildhall.http.RequestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Log lines: one per event, key=value or logback's JSON, each with the request id of the request it belongs to, and
 * no credential survives in them, whatever logged them (java.util.logging included).
 */
class LogLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("dev.guildhall.Example");

    @AfterEach
    void clearContext() {
        MDC.clear();
    }

    private String encode(String format, String message, Throwable error, List<String> secrets) {
        LogEncoder encoder = encoder(format, secrets);
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, message, error, null);
        event.setTimeStamp(1_700_000_000_000L);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private LogEncoder encoder(String format, List<String> secrets) {
        LogEncoder encoder = new LogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setSecrets(secrets);
        encoder.start();
        return encoder;
    }

    @Test
    void keyValueIsOneLineWithTheRequestIdEvenWithAStackTrace() {
        MDC.put(RequestIds.KEY, "req0000000a1");
        String line = encode("keyvalue", "delivery failed\nfor row 7", new IllegalStateException("boom"), List.of());

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n")
                .startsWith("ts=2023-11-14T22:13:20Z level=WARN logger=dev.guildhall.Example thread=")
                .contains(" request_id=req0000000a1 msg=\"delivery failed\\nfor row 7\"",
                        "error=\"java.lang.IllegalStateException: boom\"", "stack=\"  at dev.guildhall.ops.LogLineTest");
    }

    @Test
    void jsonIsOneValidObjectPerLineFromLogbacksEncoderWithTheRequestId() throws Exception {
        MDC.put(RequestIds.KEY, "req0000000b2");
        String lines = encode("json", "say \"hi\"\nto {}", new RuntimeException("x"), List.of())
                + encode("json", "second", null, List.of());

        List<String> each = lines.lines().toList();
        assertThat(each).hasSize(2);
        JsonNode first = JSON.readTree(each.get(0));
        assertThat(first.get("level").asText()).isEqualTo("WARN");
        assertThat(first.get("loggerName").asText()).isEqualTo("dev.guildhall.Example");
        assertThat(first.get("timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(first.get("formattedMessage").asText()).isEqualTo("say \"hi\"\nto {}");
        assertThat(first.get("mdc").get("request_id").asText()).isEqualTo("req0000000b2");
        assertThat(first.get("throwable").get("className").asText()).isEqualTo("java.lang.RuntimeException");
        assertThat(first.get("throwable").get("message").asText()).isEqualTo("x");
        assertThat(JSON.readTree(each.get(1)).get("formattedMessage").asText()).isEqualTo("second");
    }

    @Test
    void credentialsAreMaskedInBothFormatsWhateverLoggedThem() throws Exception {
        String message = "POST with Authorization: Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl token"
                + " xoxb-123-456-abcdef and xapp-1-A1-2-ff, secret 8f14e45fceea167a, quoted s3cr\"et\\x";
        List<String> secrets = List.of("8f14e45fceea167a", "s3cr\"et\\x");
        IllegalStateException error = new IllegalStateException("refused xoxp-9-9-9 with 8f14e45fceea167a");

        String keyValue = encode("keyvalue", message, error, secrets);
        String json = encode("json", message, error, secrets);

        for (String line : List.of(keyValue, json)) {
            assertThat(line).doesNotContain("xoxb-123", "xapp-1-A1", "eyJhbGciOi", "8f14e45fceea167a", "xoxp-9",
                    "s3cr");
        }
        JsonNode parsed = JSON.readTree(json);
        assertThat(parsed.get("formattedMessage").asText()).isEqualTo("POST with Authorization: [redacted] token"
                + " [redacted] and [redacted], secret [redacted], quoted [redacted]");
        assertThat(parsed.get("throwable").get("message").asText()).isEqualTo("refused [redacted] with [redacted]");
    }

    @Test
    void jdkLoggingGoesThroughTheSameEncoderMaskedAndWithTheRequestId() throws Exception {
        // Given the application's logging, with a JSON encoder capturing what reaches it
        LoggerContext application = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(application);
        LogEncoder encoder = new LogEncoder();
        encoder.setContext(application);
        encoder.setFormat("json");
        encoder.start();
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger jdkSide = application.getLogger("dev.guildhall.jdk.Example");
        jdkSide.addAppender(appender);
        try {
            // When JDK logging is routed and something logs through java.util.logging during a request
            JdkLogging.routeThroughSlf4j();
            MDC.put(RequestIds.KEY, "req0000000c3");
            java.util.logging.Logger.getLogger("dev.guildhall.jdk.Example").warning("sent xoxb-1-2-secretish");

            // Then it is one JSON line of the same shape, masked, with the request id
            JsonNode line = JSON.readTree(out.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow());
            assertThat(line.get("level").asText()).isEqualTo("WARN");
            assertThat(line.get("formattedMessage").asText()).isEqualTo("sent [redacted]");
            assertThat(line.get("mdc").get("request_id").asText()).isEqualTo("req0000000c3");
        } finally {
            jdkSide.detachAppender(appender);
        }
    }

    @Test
    void secretsComeFromTheSecretVariablesOnly() {
        assertThat(CredentialMask.secretsFrom(Map.of("SLACK_SIGNING_SECRET", "abcdef123456", "PORT", "3000",
                "MICROSOFT_APP_PASSWORD", " p4ssw0rd~x "))).containsExactlyInAnyOrder("abcdef123456", "p4ssw0rd~x");
    }

    @Test
    void anUnknownLogFormatStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> Config.from(Map.of("LOG_FORMAT", "xml"))).isInstanceOf(ConfigException.class)
                .hasMessage("LOG_FORMAT must be keyvalue or json; got xml");
        for (String accepted : List.of("json", "JSON", "keyvalue", "KeyValue")) {
            assertThatCode(() -> Config.from(Map.of("LOG_FORMAT", accepted))).as(accepted).doesNotThrowAnyException();
        }
    }

    @Test
    void adminsMustBePlatformQualified() {
        assertThatThrownBy(() -> Config.from(Map.of("GUILDHALL_ADMINS", "slack:T1:U1, U2")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_ADMINS lists people by");
        assertThat(Config.from(Map.of("GUILDHALL_ADMINS", "slack:T1:U1 , console:alice,")).admins().people())
                .extracting(Object::toString).containsExactlyInAnyOrder("slack:T1:U1", "console:alice");
    }
}
