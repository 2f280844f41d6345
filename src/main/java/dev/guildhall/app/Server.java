package dev.guildhall.app;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.http.HttpHost;
import dev.guildhall.http.HttpResponse;
import dev.guildhall.schedule.Ticker;
import dev.guildhall.slack.SlackAdapter;
import dev.guildhall.slack.SlackSettings;

import java.io.IOException;
import java.net.BindException;
import java.util.Map;

/**
 * The long-running bot: one HTTP server on {@code PORT} ({@code GET /healthz}, and {@code POST /slack/events} over
 * HTTP), Slack over HTTP or Socket Mode, the outbox delivering in the background and Quartz waking timed work.
 */
public final class Server implements AutoCloseable {
    public static final String PORT = "PORT";
    static final int DEFAULT_PORT = 3000;

    private final Guildhall bot;
    private final SlackAdapter slack;
    private final HttpHost http;
    private final Ticker ticker;
    private final SlackSettings.Mode mode;

    private Server(Guildhall bot, SlackAdapter slack, HttpHost http, Ticker ticker, SlackSettings.Mode mode) {
        this.bot = bot;
        this.slack = slack;
        this.http = http;
        this.ticker = ticker;
        this.mode = mode;
    }

    /** {@code socketRequested}: the {@code socket} command; {@code serve} picks HTTP when it has a signing secret. */
    public static Server start(Map<String, String> env, AdjustableClock clock, boolean socketRequested)
            throws Exception {
        Config config = Config.from(env);
        SlackSettings settings = SlackSettings.from(env);
        SlackSettings.Mode mode = settings.mode(socketRequested);
        int port = port(env);
        SlackAdapter slack = SlackAdapter.create(settings);
        Guildhall bot = null;
        HttpHost http = null;
        Ticker ticker = null;
        try {
            slack.checkToken();
            bot = Wiring.guildhall(config, clock, Map.of(SlackAdapter.PLATFORM, slack.port()));
            slack.attach(bot, clock);
            http = bind(port);
            Guildhall running = bot;
            http.route("GET", "/healthz", request -> running.database().read(h -> h.createQuery("SELECT 1")
                    .mapTo(Integer.class).one()) == 1 ? HttpResponse.text(200, "ok") : HttpResponse.text(503, "db"));
            if (mode == SlackSettings.Mode.HTTP) {
                slack.serveOn(http, clock);
            }
            bot.startDelivery();
            ticker = new Ticker(running::runDueTasks);
            ticker.start();
            // Requests come in only once everything is up: the first ack then does not share the CPU with Quartz
            // starting, and /healthz answering means ready.
            http.start();
            if (mode == SlackSettings.Mode.SOCKET) {
                slack.startSocketMode();
            }
            return new Server(bot, slack, http, ticker, mode);
        } catch (Exception | Error e) {
            if (ticker != null) {
                ticker.close();
            }
            if (http != null) {
                http.close();
            }
            slack.close();
            if (bot != null) {
                bot.close();
            }
            throw e;
        }
    }

    private static HttpHost bind(int port) throws IOException {
        try {
            return HttpHost.on(port);
        } catch (BindException e) {
            throw new ConfigException(PORT + "=" + port + " is taken by another program; choose a free port.");
        }
    }

    static int port(Map<String, String> env) {
        String raw = Config.value(env, PORT).orElse(String.valueOf(DEFAULT_PORT));
        try {
            int port = Integer.parseInt(raw);
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(PORT + " must be a TCP port number from 1 to 65535 (0 picks a free one); got "
                    + raw);
        }
    }

    public int port() {
        return http.port();
    }

    public Guildhall bot() {
        return bot;
    }

    public SlackSettings.Mode mode() {
        return mode;
    }

    @Override
    public void close() {
        ticker.close();
        http.close();
        slack.close();
        bot.close();
    }
}
