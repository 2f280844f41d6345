package dev.guildhall.ops;

import dev.guildhall.bot.RequestObserver;
import dev.guildhall.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Locale;

/**
 * What {@code GET /metrics} shows, in Prometheus' text format: commands by name and outcome, how long answers take,
 * the outbox, matches, live sessions and the JVM. Counts that live in the database are read from it at each scrape,
 * so they survive restarts and never drift from the truth. No label ever names a person, and anonymous commands
 * and presses are one untimed count ({@code command="anonymous"}), so nothing here dates a single anonymous flag.
 */
public final class Metrics implements RequestObserver, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Gauges and counters read from the store. */
    public Metrics watch(Database database) {
        Gauge.builder("guildhall.outbox.depth", database, db -> count(db,
                        // Two counts, each answered by its status's partial index (V76).
                        "SELECT (SELECT count(*) FROM outbox WHERE status = 'PENDING')"
                                + " + (SELECT count(*) FROM outbox WHERE status = 'SENDING')"))
                .description("Outbox messages waiting to be delivered").strongReference(true).register(registry);
        FunctionCounter.builder("guildhall.outbox.failures", database, db -> count(db,
                        "SELECT count(*) FROM outbox WHERE status = 'FAILED'"))
                .description("Outbox messages given up on (refused by the platform or out of attempts)")
                .register(registry);
        FunctionCounter.builder("guildhall.matches.made", database, db -> count(db,
                        "SELECT count(*) FROM mentorship_match"))
                .description("Mentorship matches proposed (forgotten people's matches still count)")
                .register(registry);
        Gauge.builder("guildhall.live.sessions.active", database, db -> count(db,
                        "SELECT count(*) FROM live_session WHERE ended_at IS NULL"))
                .description("Live sessions running now").strongReference(true).register(registry);
        return this;
    }

    private static double count(Database database, String sql) {
        try {
            return database.read(h -> h.createQuery(sql).mapTo(Long.class).one());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void handled(String name, Outcome outcome, Duration took) {
        Counter.builder("guildhall.commands")
                .description("Commands and button presses answered, by name and outcome")
                .tag("command", name)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        if (name.equals(RequestObserver.ANONYMOUS)) {
            return;
        }
        Timer.builder("guildhall.ack.latency")
                .description("Time from a command or press reaching the bot to its answer (what the platform waits for)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(took);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
