package dev.guildhall.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line per log event, as {@code key=value} pairs or one JSON object ({@code LOG_FORMAT=keyvalue|json}); stack
 * traces stay on that line. Anything shaped like a Slack or Teams credential is masked, and so are the values of the
 * secret variables, whatever logged them (a library's debug output, an exception quoting a request).
 */
public final class LogLine extends LayoutBase<ILoggingEvent> {
    public static final String FORMAT = "LOG_FORMAT";
    public static final List<String> FORMATS = List.of("keyvalue", "json");
    private static final List<String> SECRET_VARIABLES = List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN",
            "SLACK_SIGNING_SECRET", "MICROSOFT_APP_PASSWORD");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|(?i:bearer)\\s+[A-Za-z0-9._~+/=-]+"
                    + "|eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final int MAX_FRAMES = 30;

    private boolean json;
    private List<String> secrets = secretsFrom(System.getenv());

    /** Set from {@code logback.xml}: {@code json}, otherwise key=value. */
    public void setFormat(String format) {
        this.json = "json".equalsIgnoreCase(format == null ? "" : format.strip());
    }

    static List<String> secretsFrom(Map<String, String> env) {
        return SECRET_VARIABLES.stream().map(env::get).filter(v -> v != null && v.strip().length() >= 6)
                .map(String::strip).toList();
    }

    void setSecrets(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        fields.put("level", event.getLevel().toString());
        fields.put("logger", event.getLoggerName());
        fields.put("thread", event.getThreadName());
        fields.put("msg", mask(event.getFormattedMessage()));
        Optional.ofNullable(event.getThrowableProxy()).ifPresent(error -> {
            fields.put("error", mask(error.getClassName() + ": " + error.getMessage()));
            fields.put("stack", mask(stack(error)));
        });
        return (json ? json(fields) : keyValue(fields)) + System.lineSeparator();
    }

    String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = CREDENTIAL.matcher(text).replaceAll("[redacted]");
        for (String secret : secrets) {
            masked = masked.replace(secret, "[redacted]");
        }
        return masked;
    }

    private static String stack(IThrowableProxy error) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy cause = error; cause != null; cause = cause.getCause()) {
            if (cause != error) {
                text.append("caused by ").append(cause.getClassName()).append(": ").append(cause.getMessage())
                        .append('\n');
            }
            StackTraceElementProxy[] frames = cause.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                text.append("  at ").append(frames[i].getStackTraceElement()).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    private static String keyValue(Map<String, String> fields) {
        StringBuilder line = new StringBuilder();
        fields.forEach((key, value) -> {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(key).append('=');
            boolean bare = !value.isEmpty() && value.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '=');
            line.append(bare ? value : '"' + escape(value) + '"');
        });
        return line.toString();
    }

    private static String json(Map<String, String> fields) {
        StringBuilder line = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (line.length() > 1) {
                line.append(',');
            }
            line.append('"').append(key).append("\":\"").append(escape(value)).append('"');
        });
        return line.append('}').toString();
    }

    /** JSON string escaping; the same keeps key=value lines on one line. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
