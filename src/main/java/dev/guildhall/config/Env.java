package dev.guildhall.config;

import java.util.Map;
import java.util.Optional;

/** Reading one environment variable: surrounding spaces are dropped, and blank counts as unset. */
public final class Env {
    private Env() {
    }

    public static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
