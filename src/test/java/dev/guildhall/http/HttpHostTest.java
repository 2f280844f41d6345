package dev.guildhall.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class HttpHostTest {
    private HttpHost host;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        host = HttpHost.on(0)
                .route("POST", "/echo", request -> dev.guildhall.http.HttpResponse.json(200,
                        "{\"got\":\"" + request.body() + "\","
                        + "\"sig\":\"" + request.header("x-signature").orElse("") + "\"}"))
                .route("GET", "/boom", request -> {
                    throw new IllegalStateException("broken");
                });
        host.start();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path));
    }

    @Test
    void routesByMethodAndPathWithTheRawBodyAndHeadersWhateverTheirCase() throws Exception {
        HttpResponse<String> response = send(to("/echo").header("X-Signature", "v0=1")
                .POST(HttpRequest.BodyPublishers.ofString("a=1&b=%2F")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"got\":\"a=1&b=%2F\",\"sig\":\"v0=1\"}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }

    @Test
    void answersUnknownPathsWrongMethodsAndOversizedBodies() throws Exception {
        assertThat(send(to("/nope").GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send(to("/echo").GET());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(send(to("/echo").POST(HttpRequest.BodyPublishers.ofString("x".repeat(HttpHost.MAX_BODY_BYTES + 1))))
                .statusCode()).isEqualTo(413);
    }

    @Test
    void aFailingRouteGetsA500WithAReferenceNotAStackTrace() throws Exception {
        HttpResponse<String> response = send(to("/boom").GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).startsWith("internal error, reference ").doesNotContain("broken");
    }

    @Test
    void aRouteIsRegisteredOnce() {
        assertThatThrownBy(() -> host.route("POST", "/echo", request -> dev.guildhall.http.HttpResponse.text(200, "")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theReferenceAPersonSeesIsTheRequestIdEveryLogLineOfTheRequestCarries() throws Exception {
        // Given the log of the server
        ListAppender<ILoggingEvent> log = capture();
        // When a route fails
        HttpResponse<String> response = send(to("/boom").GET());
        // Then the one reference shown is the request id: in the answer's header, and on the ERROR line's context
        String reference = response.body().substring("internal error, reference ".length());
        assertThat(reference).matches("[0-9a-z]{12}");
        assertThat(response.headers().firstValue("X-Request-Id")).contains(reference);
        ILoggingEvent error = copyOf(log).stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
        assertThat(error.getMDCPropertyMap()).containsEntry(RequestIds.KEY, reference);
        assertThat(error.getFormattedMessage()).contains(reference);
        assertThat(RequestIds.current()).as("the test thread's context is untouched").isNull();
    }

    @Test
    void anAbortedUploadIsOneWarningWithoutAStackTrace() throws Exception {
        // Given the log of the server
        ListAppender<ILoggingEvent> log = capture();
        // When a client announces a body, sends part of it and disconnects, three times
        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), host.port())) {
                socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"
                        + "a".repeat(100)).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
        }
        // Then each is one WARN line without a trace, and nothing at ERROR
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(copyOf(log).stream()
                .filter(e -> e.getFormattedMessage().contains("stopped sending the body"))).hasSize(3));
        assertThat(copyOf(log)).allSatisfy(event -> {
            assertThat(event.getLevel()).isNotEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void whenEveryWorkerIsBusyAndTheQueueIsFullARequestIsAnsweredBusyAtOnce() throws Exception {
        // Given a server with one worker and room for one waiting request, and a route that holds its worker
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        try (HttpHost small = HttpHost.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 1, 1))) {
            small.route("GET", "/hold", request -> {
                holding.countDown();
                release.await(10, TimeUnit.SECONDS);
                return dev.guildhall.http.HttpResponse.text(200, "done");
            });
            small.route("GET", "/kind", new Route() {
                @Override
                public dev.guildhall.http.HttpResponse handle(dev.guildhall.http.HttpRequest request) {
                    return dev.guildhall.http.HttpResponse.text(200, "handled");
                }

                @Override
                public dev.guildhall.http.HttpResponse busy(dev.guildhall.http.HttpRequest request) {
                    return dev.guildhall.http.HttpResponse.text(200, "I'm busy, try again in a moment");
                }
            });
            small.start();
            URI base = URI.create("http://127.0.0.1:" + small.port());
            CompletableFuture<HttpResponse<String>> running = client.sendAsync(
                    HttpRequest.newBuilder(base.resolve("/hold")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(
                    HttpRequest.newBuilder(base.resolve("/hold")).build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5)).until(() -> small.waiting() == 1);

            // When more requests arrive
            HttpResponse<String> refused = send(HttpRequest.newBuilder(base.resolve("/hold")));
            HttpResponse<String> kind = send(HttpRequest.newBuilder(base.resolve("/kind")));

            // Then they are answered at once: 503 by default, or the route's own busy answer
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(kind.statusCode()).isEqualTo(200);
            assertThat(kind.body()).isEqualTo("I'm busy, try again in a moment");
            // And the held ones finish normally once the worker is free
            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
            assertThat(waiting.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeGets408AndTheConnectionIsClosed() throws Exception {
        try (HttpHost strict = HttpHost.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new HttpLimits(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5), 2, 2));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), startedPort(strict))) {
            // Given a client that sends its headers and part of the body, then stalls
            socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5_000);
            // Then, once the body deadline passes, it is told 408 and the server closes the connection
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void aKeepAliveConnectionWithNoNewRequestIsClosedAfterTheIdleTimeout() throws Exception {
        try (HttpHost strict = HttpHost.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(500), 2, 2));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), startedPort(strict))) {
            // Given a connection that made one request and keeps the connection open, trickling the next one
            socket.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            byte[] first = new byte[17];
            assertThat(in.readNBytes(first, 0, first.length)).isEqualTo(first.length);
            assertThat(new String(first, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
            socket.getOutputStream().write("GET /ech".getBytes(StandardCharsets.US_ASCII));
            // Then the server closes it once the idle deadline passes
            long start = System.nanoTime();
            in.readAllBytes();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    private static int startedPort(HttpHost host) {
        host.route("POST", "/echo", request -> dev.guildhall.http.HttpResponse.text(200, request.body()));
        host.start();
        return host.port();
    }

    /** The events so far; the server's threads append under the appender's lock while the test reads. */
    private static List<ILoggingEvent> copyOf(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return new ArrayList<>(log.list);
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpHost.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        return appender;
    }

    @AfterEach
    void detachCapture() {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpHost.class);
        logger.detachAndStopAllAppenders();
        logger.setLevel(null);
    }
}
