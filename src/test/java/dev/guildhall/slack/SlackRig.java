package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.command.Capability;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.RoutingChatPort;
import dev.guildhall.http.HttpHost;
import dev.guildhall.outbox.SendPace;
import dev.guildhall.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Slack adapter running for real in this JVM: the bot on a SQLite file, {@code /slack/events} on a local HTTP
 * port, the Web API pointed at a {@link FakeSlack}. Requests are signed like Slack signs them.
 */
final class SlackRig implements AutoCloseable {
    static final String SECRET = "s3cret";

    final FakeSlack slack;
    final AdjustableClock clock = AdjustableClock.system();
    final Guildhall bot;
    final SlackAdapter adapter;
    final HttpHost http;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body, Duration took) {
    }

    private SlackRig(Path dir, Map<String, String> env, SendPace pace, List<Capability> extra) throws IOException {
        slack = FakeSlack.start();
        SlackSettings settings = SlackSettings.from(Map.of(SlackSettings.BOT_TOKEN, "xoxb-test",
                SlackSettings.SIGNING_SECRET, SECRET, SlackSettings.API_URL, slack.apiUrl()));
        adapter = SlackAdapter.create(settings);
        List<Capability> capabilities = new ArrayList<>(Wiring.capabilities(Config.from(env)));
        capabilities.addAll(extra);
        bot = new Guildhall(Database.open(dir.resolve("guildhall.db").toString()), clock,
                new RoutingChatPort(Map.of(SlackAdapter.PLATFORM, adapter.port())), capabilities, pace);
        adapter.attach(bot, clock);
        http = HttpHost.on(0);
        adapter.serveOn(http, clock);
        http.start();
        bot.startDelivery();
        // Starting Bolt asked auth.test; tests look at what requests cause, from here on.
        slack.clear();
    }

    static SlackRig start(Path dir, Capability... extra) throws IOException {
        return new SlackRig(dir, Map.of(), SendPace.defaults(), List.of(extra));
    }

    /** With settings, like {@code GUILDHALL_ADMINS}. */
    static SlackRig start(Path dir, Map<String, String> env) throws IOException {
        return new SlackRig(dir, env, SendPace.defaults(), List.of());
    }

    /** For tests of what is sent, not how fast: the outbox sends as fast as the fake answers. */
    static SlackRig unpaced(Path dir) throws IOException {
        return new SlackRig(dir, Map.of(), SendPace.none(), List.of());
    }

    Answer command(String userId, String userName, String command, String text) {
        return form(SlackRequests.slashCommand(userId, userName, command, text, "D0" + userId, "directmessage",
                slack.responseUrl(userId)));
    }

    Answer form(Map<String, String> fields) {
        return signed(SlackRequests.form(fields), "application/x-www-form-urlencoded");
    }

    Answer signed(String body, String contentType, String... headers) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String signature = new SlackSignature.Generator(SECRET).generate(timestamp, body);
        List<String> all = new ArrayList<>(List.of(headers));
        all.addAll(List.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature));
        return send(body, contentType, all.toArray(String[]::new));
    }

    Answer send(String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port()
                        + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String text(String sql) {
        return bot.database().read(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    /** Waits (bounded) for a count the outbox thread reaches after a real round trip to the fake. */
    int awaitCount(String sql, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int count = count(sql);
        while (count != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            count = count(sql);
        }
        return count;
    }

    /**
     * Waits until users.info's answer for each person (asked after the ack, stored a moment later) is in the store:
     * a test whose next step reads someone's zone or name must not race that lookup.
     */
    void awaitLookedUp(String... userIds) {
        for (String userId : userIds) {
            String sql = "SELECT COUNT(*) FROM person WHERE id LIKE 'slack:%" + userId + "' AND time_zone IS NOT NULL";
            if (awaitCount(sql, 1) != 1) {
                throw new AssertionError("users.info's answer for " + userId + " never reached the store");
            }
        }
    }

    int count(String sql) {
        return bot.database().read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        http.close();
        adapter.close();
        bot.close();
        slack.close();
    }
}
