package dev.guildhall.core;

import java.util.Objects;

/**
 * A message already delivered, in the form its adapter needs to update it later (Slack's channel and ts, say),
 * prefixed with the platform like every id here: {@code slack:C123:1700000000.0001}.
 */
public record MessageRef(String value) {
    public MessageRef {
        Objects.requireNonNull(value, "value");
    }
}
