package dev.guildhall.app;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.config.ConfigException;
import dev.guildhall.config.Env;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.http.DownloadLinks;
import dev.guildhall.http.HttpHost;
import dev.guildhall.http.HttpLimits;
import dev.guildhall.http.HttpResponse;
import dev.guildhall.ops.DatabaseCheck;
import dev.guildhall.ops.Metrics;
import dev.guildhall.ops.Readiness;
import dev.guildhall.schedule.Ticker;
import dev.guildhall.slack.SlackAdapter;
import dev.guildhall.slack.SlackSettings;
import dev.guildhall.store.Database;
import dev.guildhall.teams.TeamsAdapter;
import dev.guildhall.teams.GraphConfig;
import dev.guildhall.teams.TeamsConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The long-running bot: the platforms' HTTP server on {@code PORT} ({@code GET /healthz}; {@code POST /slack/events}
 * for Slack over HTTP; {@code POST /api/messages} for Teams), the operators' on {@code MANAGEMENT_PORT}
 * ({@code GET /healthz}, {@code /readyz}, {@code /metrics}: what they show is for operators, not for anyone who can
 * reach the bot), Slack over HTTP or Socket Mode, the outbox delivering in the background and Quartz waking timed
 * work. Slack, Teams or both, by what is configured.
 */
public final class Server implements AutoCloseable {
    public static final String PORT = "PORT";
    public static final String MANAGEMENT_PORT = "MANAGEMENT_PORT";
    public static final String HTTP_HEADER_TIMEOUT = "GUILDHALL_HTTP_HEADER_TIMEOUT_MS";
    public static final String HTTP_BODY_TIMEOUT = "GUILDHALL_HTTP_BODY_TIMEOUT_MS";
    public static final String HTTP_IDLE_TIMEOUT = "GUILDHALL_HTTP_IDLE_TIMEOUT_MS";
    public static final String HTTP_WORKERS = "GUILDHALL_HTTP_WORKERS";
    public static final String HTTP_QUEUE = "GUILDHALL_HTTP_QUEUE";
    static final int DEFAULT_PORT = 3000;

    private final Guildhall bot;
    private final Optional<SlackAdapter> slack;
    private final HttpHost http;
    private final HttpHost management;
    private final Ticker ticker;
    private final String description;

    private Server(Guildhall bot, Optional<SlackAdapter> slack, HttpHost http, HttpHost management, Ticker ticker,
                   String description) {
        this.bot = bot;
        this.slack = slack;
        this.http = http;
        this.management = management;
        this.ticker = ticker;
        this.description = description;
    }

    /** {@code socketRequested}: the {@code socket} command; {@code serve} picks HTTP when it has a signing secret. */
    public static Server start(Map<String, String> env, AdjustableClock clock, boolean socketRequested)
            throws Exception {
        Config config = Config.from(env);
        Optional<TeamsConfig> teamsConfig = TeamsConfig.from(env);
        GraphConfig graphConfig = GraphConfig.from(env);
        Optional<SlackSettings> slackSettings = slackSettings(env, socketRequested || teamsConfig.isEmpty());
        Optional<SlackSettings.Mode> mode = slackSettings.map(settings -> settings.mode(socketRequested));
        int port = port(env);
        int managementPort = managementPort(env, port);
        HttpLimits limits = httpLimits(env);
        Optional<SlackAdapter> slack = slackSettings.map(SlackAdapter::create);
        Database database = null;
        Guildhall bot = null;
        HttpHost http = null;
        HttpHost management = null;
        Ticker ticker = null;
        try {
            if (slack.isPresent()) {
                slack.get().checkToken();
            }
            database = Wiring.open(config);
            Map<String, ChatPort> ports = new HashMap<>();
            slack.ifPresent(adapter -> ports.put(SlackAdapter.PLATFORM, adapter.port()));
            Database store = database;
            Optional<TeamsAdapter> teams = teamsConfig.map(settings -> new TeamsAdapter(settings, graphConfig, store, clock));
            teams.ifPresent(adapter -> ports.put(TeamsAdapter.PLATFORM, adapter.chatPort()));
            DownloadLinks downloads = new DownloadLinks(config.publicUrl(), clock);
            bot = Wiring.guildhall(database, config, clock, ports, downloads);
            Guildhall running = bot;
            slack.ifPresent(adapter -> adapter.attach(running, clock));
            http = bind(PORT, port, limits);
            management = bind(MANAGEMENT_PORT, managementPort, limits);
            // Liveness: the process answers. Readiness (/readyz) is the one that looks at the store and platforms,
            // so a database outage takes the bot out of rotation instead of getting it restarted in a loop.
            http.route("GET", "/healthz", request -> HttpResponse.text(200, "ok"));
            management.route("GET", "/healthz", request -> HttpResponse.text(200, "ok"));
            Metrics metrics = new Metrics().watch(database);
            bot.observe(metrics);
            management.route("GET", "/metrics", request -> new HttpResponse(200,
                    "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
            http.route("GET", DownloadLinks.PATH, downloads.route());
            Readiness readiness = readiness(new DatabaseCheck(database, config.database()), slack, teams);
            Ticker[] scheduler = new Ticker[1];
            readiness.check("scheduler", () -> scheduler[0] != null && scheduler[0].isRunning());
            management.route("GET", "/readyz", request -> {
                Readiness.Report report = readiness.run();
                return HttpResponse.text(report.ready() ? 200 : 503, report.text());
            });
            if (mode.equals(Optional.of(SlackSettings.Mode.HTTP))) {
                slack.get().serveOn(http, clock);
            }
            if (teams.isPresent()) {
                teams.get().serveOn(running, http);
            }
            bot.start();
            bot.startDelivery();
            ticker = database.dialect().shared() ? Ticker.clustered(running::runDueTasks, database)
                    : new Ticker(running::runDueTasks);
            ticker.start();
            scheduler[0] = ticker;
            // Requests come in only once everything is up: the first ack then does not share the CPU with Quartz
            // starting, and /healthz answering means ready.
            management.start();
            http.start();
            if (mode.equals(Optional.of(SlackSettings.Mode.SOCKET))) {
                slack.get().startSocketMode();
            }
            return new Server(bot, slack, http, management, ticker,
                    describe(http.port(), management.port(), mode, teams.isPresent()));
        } catch (Exception | Error e) {
            if (ticker != null) {
                ticker.close();
            }
            if (http != null) {
                http.close();
            }
            if (management != null) {
                management.close();
            }
            slack.ifPresent(SlackAdapter::close);
            if (bot != null) {
                bot.close();
            } else if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    private static Readiness readiness(DatabaseCheck database, Optional<SlackAdapter> slack,
                                       Optional<TeamsAdapter> teams) {
        Readiness readiness = new Readiness().check("database", database);
        slack.ifPresent(adapter -> readiness.check("slack", adapter::isConnected));
        // Teams has no connection to hold: configured credentials (checked at start-up) are all it needs.
        teams.ifPresent(adapter -> readiness.check("teams", () -> true));
        return readiness;
    }

    /** Slack is required unless Teams is configured; then it runs only if some Slack variable asks for it. */
    private static Optional<SlackSettings> slackSettings(Map<String, String> env, boolean required) {
        boolean asked = env.keySet().stream().anyMatch(name -> name.startsWith("SLACK_")
                && Env.value(env, name).isPresent());
        if (!required && !asked) {
            return Optional.empty();
        }
        try {
            return Optional.of(SlackSettings.from(env));
        } catch (ConfigException e) {
            throw required && !asked
                    ? new ConfigException(e.getMessage() + " (Or set " + TeamsConfig.APP_ID + " to serve Microsoft"
                            + " Teams instead.)")
                    : e;
        }
    }

    private static String describe(int port, int managementPort, Optional<SlackSettings.Mode> slack, boolean teams) {
        StringBuilder text = new StringBuilder("Guildhall is listening on port " + port + ": GET /healthz");
        if (slack.equals(Optional.of(SlackSettings.Mode.HTTP))) {
            text.append(", POST /slack/events");
        }
        if (teams) {
            text.append(", POST /api/messages (Teams)");
        }
        text.append("; for operators on port ").append(managementPort).append(": GET /healthz, /readyz, /metrics");
        if (slack.equals(Optional.of(SlackSettings.Mode.SOCKET))) {
            text.append("; connected to Slack over Socket Mode");
        }
        return text.toString();
    }

    private static HttpHost bind(String variable, int port, HttpLimits limits) throws IOException {
        try {
            return HttpHost.on(new InetSocketAddress(port), limits);
        } catch (IOException e) {
            if (!HttpHost.isPortTaken(e)) {
                throw e;
            }
            throw new ConfigException(variable + "=" + port + " is taken by another program; choose a free port.");
        }
    }

    /** The HTTP server's deadlines and worker pool ({@link HttpLimits}); each variable is optional. */
    static HttpLimits httpLimits(Map<String, String> env) {
        HttpLimits defaults = HttpLimits.DEFAULT;
        return new HttpLimits(
                Duration.ofMillis(positive(env, HTTP_HEADER_TIMEOUT, defaults.headers().toMillis(), "milliseconds")),
                Duration.ofMillis(positive(env, HTTP_BODY_TIMEOUT, defaults.body().toMillis(), "milliseconds")),
                Duration.ofMillis(positive(env, HTTP_IDLE_TIMEOUT, defaults.idle().toMillis(), "milliseconds")),
                (int) positive(env, HTTP_WORKERS, defaults.workers(), "requests handled at once"),
                (int) positive(env, HTTP_QUEUE, defaults.queue(), "requests waiting for a worker"));
    }

    private static long positive(Map<String, String> env, String name, long fallback, String unit) {
        String raw = Env.value(env, name).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 1 || value > 3_600_000) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number of " + unit + " from 1 to 3600000 (default "
                    + fallback + "); got " + raw);
        }
    }

    static int port(Map<String, String> env) {
        return port(env, PORT, DEFAULT_PORT);
    }

    /** The next port after {@code PORT} unless set; a free one when {@code PORT} is 0. Never {@code PORT} itself. */
    static int managementPort(Map<String, String> env, int port) {
        int management = port(env, MANAGEMENT_PORT, port == 0 || port == 65_535 ? 0 : port + 1);
        if (management != 0 && management == port) {
            throw new ConfigException(MANAGEMENT_PORT + " must differ from " + PORT + " (" + port + "): metrics and"
                    + " readiness are for operators only, so they are never served where the platforms reach the bot.");
        }
        return management;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String raw = Env.value(env, name).orElse(String.valueOf(fallback));
        try {
            int port = Integer.parseInt(raw);
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a TCP port number from 1 to 65535 (0 picks a free one); got "
                    + raw);
        }
    }

    public int port() {
        return http.port();
    }

    /** Where {@code /readyz} and {@code /metrics} are served. */
    public int managementPort() {
        return management.port();
    }

    public Guildhall bot() {
        return bot;
    }

    /** One line for the operator: what this server serves. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        ticker.close();
        http.close();
        management.close();
        slack.ifPresent(SlackAdapter::close);
        bot.close();
    }
}
