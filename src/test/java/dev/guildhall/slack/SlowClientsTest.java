package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.guildhall.app.Server;
import dev.guildhall.core.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, section 2: clients that never finish their headers, or trickle their body a byte a second, hold no
 * worker. While 200 of them are connected the probes and Slack's acks are answered at once, and the server closes
 * each slow connection within its (here shortened) deadline.
 */
class SlowClientsTest {
    private static final int STALLED_HEADERS = 100;
    private static final int TRICKLING_BODIES = 100;
    // Long enough that the probes below finish inside them even on a loaded 2-core CI machine
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(8);
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
    /** Time for the server's timer to fire and the close to reach the client, on a loaded shared machine. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    private FakeSlack slack;
    private Server server;
    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() throws IOException {
        trickle.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void slowClientsHoldNoWorkerAndAreClosedWithinTheirDeadlines() throws Exception {
        // Given the bot serving Slack over HTTP with shortened deadlines
        slack = FakeSlack.start();
        server = Server.start(Map.of("GUILDHALL_DB", dir.resolve("g.db").toString(), "PORT", "0",
                SlackSettings.BOT_TOKEN, "xoxb-test", SlackSettings.SIGNING_SECRET, SlackRig.SECRET,
                SlackSettings.API_URL, slack.apiUrl(),
                Server.HTTP_HEADER_TIMEOUT, String.valueOf(HEADER_TIMEOUT.toMillis()),
                Server.HTTP_BODY_TIMEOUT, String.valueOf(BODY_TIMEOUT.toMillis())), AdjustableClock.system(), false);

        // (the test's client and the server's first /learn warmed up, so one-off class loading is not counted)
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(learn().statusCode()).isEqualTo(200);

        // And 100 connections that send half a request's headers and then nothing
        long opened = System.nanoTime();
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < STALLED_HEADERS; i++) {
            Socket socket = connect();
            socket.getOutputStream().write("POST /slack/events HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            stalled.add(socket);
        }
        // And 100 that send whole headers, then their body one byte a second
        List<Socket> trickling = new ArrayList<>();
        for (int i = 0; i < TRICKLING_BODIES; i++) {
            Socket socket = connect();
            socket.getOutputStream().write(("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type:"
                    + " application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nt").getBytes(StandardCharsets.US_ASCII));
            trickling.add(socket);
        }
        trickle.scheduleAtFixedRate(() -> trickling.forEach(SlowClientsTest::sendOneByte), 1, 1, TimeUnit.SECONDS);

        // When, while all 200 are connected, a probe and a person's /learn arrive
        Duration healthz = timed(() -> assertThat(get("/healthz").statusCode()).isEqualTo(200));
        Duration learn = timed(() -> {
            HttpResponse<String> ack = learn();
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).contains("kubernetes");
        });
        Duration sinceOpened = Duration.ofNanos(System.nanoTime() - opened);

        // Then both are answered in time, before any slow connection could have been dropped
        assertThat(healthz).isLessThan(Duration.ofSeconds(1));
        assertThat(learn).isLessThan(Duration.ofSeconds(3));
        assertThat(sinceOpened).as("the probes ran while the slow connections were open").isLessThan(HEADER_TIMEOUT);

        // And the server closes every slow connection within its deadline
        for (Socket socket : stalled) {
            assertThat(closedBy(socket, opened, HEADER_TIMEOUT.plus(SLACK))).as("stalled headers closed").isTrue();
        }
        for (Socket socket : trickling) {
            assertThat(closedBy(socket, opened, BODY_TIMEOUT.plus(SLACK))).as("trickling body closed").isTrue();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        sockets.add(socket);
        return socket;
    }

    private static void sendOneByte(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write('x');
            out.flush();
        } catch (IOException closedByTheServer) {
            // what the test waits for
        }
    }

    /** Reads (and drops any answer, like a 408) until the server closes; true if that happened by the deadline. */
    private static boolean closedBy(Socket socket, long openedNanos, Duration deadline) throws IOException {
        long remaining = openedNanos + deadline.toNanos() - System.nanoTime();
        if (remaining <= 0) {
            return socket.isInputShutdown() || readsEndOfStream(socket, 1);
        }
        return readsEndOfStream(socket, (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
    }

    private static boolean readsEndOfStream(Socket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // the server's answer before it closes, if any
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> learn() throws Exception {
        String body = SlackRequests.form(SlackRequests.slashCommand("U0SLOW", "ada", "/learn", "kubernetes", "D0SLOW",
                "directmessage", slack.responseUrl("ada")));
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(SlackRig.SECRET).generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static Duration timed(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
