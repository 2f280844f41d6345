package dev.guildhall.ops;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The log's encoder, set in {@code logback.xml}: {@code LOG_FORMAT=json} is logback's own {@link JsonEncoder} (one
 * object per line: timestamp, level, thread, logger, the MDC with {@code request_id}, the formatted message and
 * the throwable), {@code keyvalue} is {@link LogLine}. Either way every credential is masked on the way out.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
    private String format = "keyvalue";
    private CredentialMask mask = CredentialMask.fromEnvironment();
    private Encoder<ILoggingEvent> delegate;

    /** {@code json}, otherwise key=value. */
    public void setFormat(String format) {
        this.format = format == null ? "" : format.strip();
    }

    void setSecrets(List<String> secrets) {
        this.mask = new CredentialMask(secrets);
    }

    @Override
    public void start() {
        delegate = "json".equalsIgnoreCase(format) ? json() : keyValue();
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    private static Encoder<ILoggingEvent> json() {
        JsonEncoder json = new JsonEncoder();
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithArguments(false);
        // The template without its arguments says less than the formatted message, which is kept.
        json.setWithMessage(false);
        json.setWithFormattedMessage(true);
        return json;
    }

    private static Encoder<ILoggingEvent> keyValue() {
        LayoutWrappingEncoder<ILoggingEvent> keyValue = new LayoutWrappingEncoder<>();
        LogLine layout = new LogLine();
        keyValue.setLayout(layout);
        keyValue.setCharset(StandardCharsets.UTF_8);
        return keyValue;
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = new String(delegate.encode(event), StandardCharsets.UTF_8);
        return mask.mask(line).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
