package dev.guildhall.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import dev.guildhall.http.RequestIds;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line per log event as {@code key=value} pairs ({@code LOG_FORMAT=keyvalue}, the default; {@code json} is
 * logback's JSON encoder, see {@link LogEncoder}), stack traces on that line, and the request id when the event
 * happened while a request was handled. Credentials are masked by {@link LogEncoder}.
 */
public final class LogLine extends LayoutBase<ILoggingEvent> {
    public static final String FORMAT = "LOG_FORMAT";
    public static final List<String> FORMATS = List.of("keyvalue", "json");
    private static final int MAX_FRAMES = 30;

    @Override
    public String doLayout(ILoggingEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        fields.put("level", event.getLevel().toString());
        fields.put("logger", event.getLoggerName());
        fields.put("thread", event.getThreadName());
        Optional.ofNullable(event.getMDCPropertyMap().get(RequestIds.KEY)).ifPresent(id -> fields.put(RequestIds.KEY, id));
        fields.put("msg", Objects.requireNonNullElse(event.getFormattedMessage(), ""));
        Optional.ofNullable(event.getThrowableProxy()).ifPresent(error -> {
            fields.put("error", error.getClassName() + ": " + error.getMessage());
            fields.put("stack", stack(error));
        });
        return keyValue(fields) + System.lineSeparator();
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
