package dev.guildhall.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Named checks that must all pass before the bot takes traffic ({@code GET /readyz}). */
public final class Readiness {
    private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();

    public Readiness check(String name, BooleanSupplier check) {
        checks.put(name, check);
        return this;
    }

    public record Report(boolean ready, String text) {
    }

    /** One line per check ("database: ok"); a check that throws counts as failing. */
    public Report run() {
        boolean ready = true;
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, BooleanSupplier> check : checks.entrySet()) {
            boolean ok;
            try {
                ok = check.getValue().getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            ready &= ok;
            lines.add(check.getKey() + ": " + (ok ? "ok" : "FAILING"));
        }
        return new Report(ready, (ready ? "ready" : "not ready") + "\n" + String.join("\n", lines) + "\n");
    }
}
