package dev.guildhall.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.guildhall.config.ConfigException;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.http.HttpHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Slack adapter, put together: the Web API client (pointed at {@code SLACK_API_URL}), the {@link ChatPort} the
 * core sends through, and the Bolt app that feeds commands, buttons and home-tab visits into the core, over HTTP
 * or Socket Mode. Made in two steps because the bot needs the port and the Bolt app needs the bot.
 */
public final class SlackAdapter implements AutoCloseable {
    public static final String PLATFORM = SlackIds.PLATFORM;
    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
    /**
     * How long a Web API call on the ack path may take: Slack wants the ack within 3 s, and a trigger_id dies then
     * too, so a call still waiting after 2 s is given up and the person told what to type instead.
     */
    static final Duration ACK_PATH_TIMEOUT = Duration.ofSeconds(2);

    private final SlackSettings settings;
    private final Slack slack;
    private final Slack quickSlack;
    private final SlackChatPort port;
    private final ExecutorService afterAck;
    private App app;
    private SocketModeApp socketMode;
    private volatile boolean tokenAccepted;
    private volatile boolean socketExpected;

    private SlackAdapter(SlackSettings settings, Slack slack, Slack quickSlack) {
        this.settings = settings;
        this.slack = slack;
        this.quickSlack = quickSlack;
        this.port = new SlackChatPort(slack.methods(settings.botToken()), quickSlack.methods(settings.botToken()),
                new SlackWebApi(slack, settings.botToken()));
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "slack-after-ack-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.afterAck = pool;
    }

    public static SlackAdapter create(SlackSettings settings) {
        SlackConfig quick = config(settings);
        quick.setHttpClientCallTimeoutMillis((int) ACK_PATH_TIMEOUT.toMillis());
        quick.setHttpClientReadTimeoutMillis((int) ACK_PATH_TIMEOUT.toMillis());
        return new SlackAdapter(settings, Slack.getInstance(config(settings)), Slack.getInstance(quick));
    }

    private static SlackConfig config(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // The outbox does its own retrying; Slack's client-side statistics threads are not needed.
        config.getMethodsConfig().setStatsEnabled(false);
        config.setStatsEnabled(false);
        return config;
    }

    public ChatPort port() {
        return port;
    }

    /**
     * Asks Slack whom the bot token belongs to. A token Slack refuses stops start-up, naming the variable; Slack
     * being unreachable does not (the outbox will retry once it is back).
     */
    public void checkToken() {
        try {
            port.botUserId();
            tokenAccepted = true;
        } catch (DeliveryException e) {
            if (!e.retryable()) {
                throw new ConfigException(SlackSettings.BOT_TOKEN + " was refused by Slack at " + settings.apiUrl()
                        + ": " + e.getMessage());
            }
            log.warn("could not reach Slack at start-up ({}); carrying on", e.getMessage());
        }
    }

    /** Builds the Bolt app that hands Slack's requests to the bot. */
    public void attach(Guildhall bot, Clock clock) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().orElse(null))
                // Signatures are checked before Bolt sees the request (SlackEventsRoute), with the bot's clock.
                .requestVerificationEnabled(false)
                .authTestCacheEnabled(true)
                .build();
        SlackPeople people = new SlackPeople(port, clock, bot::remember);
        app = new GuardedApp(config);
        SlackHandlers.register(app, bot, port, people, afterAck);
    }

    /** Serves {@code POST /slack/events} on the bot's HTTP server. */
    public void serveOn(HttpHost host, Clock clock) {
        String secret = settings.signingSecret().orElseThrow(() -> new ConfigException(
                SlackSettings.SIGNING_SECRET + " is needed to take Slack's requests over HTTP."));
        App bolt = requireApp();
        // Bolt initializes itself (and asks auth.test) at its first request unless started: do it before Slack waits.
        try {
            bolt.start();
        } catch (RuntimeException e) {
            log.warn("Bolt could not start yet ({}); it tries again at the first request", e.getMessage());
        }
        SlackEventsRoute route = new SlackEventsRoute(bolt, new SlackRequestVerifier(secret, clock));
        route.warmUp();
        host.route("POST", SlackEventsRoute.PATH, route);
    }

    /** Connects to Slack over Socket Mode (where apps.connections.open says) and returns once connected. */
    public void startSocketMode() throws Exception {
        String appToken = settings.appToken().orElseThrow(() -> new ConfigException(
                SlackSettings.APP_TOKEN + " is needed for Socket Mode."));
        socketExpected = true;
        socketMode = new SocketModeApp(appToken, requireApp(), SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
    }

    /**
     * Ready to serve: Slack accepted the bot token (auth.test; asked again until it once succeeds) and, over Socket
     * Mode, the socket is connected.
     */
    public boolean isConnected() {
        if (!tokenAccepted) {
            try {
                port.botUserId();
                tokenAccepted = true;
            } catch (DeliveryException e) {
                return false;
            }
        }
        SocketModeApp socket = socketMode;
        if (socket == null) {
            return !socketExpected;
        }
        return !socket.isClientStopped() && socket.getClient() != null && socket.getClient().verifyConnection();
    }

    private App requireApp() {
        if (app == null) {
            throw new IllegalStateException("attach the bot first");
        }
        return app;
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("closing the Socket Mode connection failed: {}", e.getMessage());
            }
        }
        afterAck.shutdown();
        try {
            afterAck.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Slack client : List.of(slack, quickSlack)) {
            try {
                client.close();
            } catch (Exception e) {
                log.warn("closing the Slack client failed: {}", e.getMessage());
            }
        }
    }
}
