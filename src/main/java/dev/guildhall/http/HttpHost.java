package dev.guildhall.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one HTTP server of the bot. Platform adapters register their routes here (Slack's {@code POST /slack/events},
 * Teams' {@code POST /api/messages}); it knows nothing about them. Built on the JDK's server, so no web framework
 * sits between a platform's request and its adapter.
 */
public final class HttpHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpHost.class);
    /** Platform callbacks are small; anything bigger is not one of them. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final long DRAIN_LIMIT_BYTES = 16L << 20;
    static final Duration GRACE = Duration.ofSeconds(3);

    static {
        // Without TCP_NODELAY the JDK server answers small requests ~40 ms late (Nagle meets delayed ACK). Read once,
        // when the server class first loads, so it is set here before any server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, Map<String, Route>> routes = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    private HttpHost(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
        server.createContext("/", this::serve);
        server.setExecutor(workers);
    }

    /** A server on all interfaces at {@code port} (0 picks a free one); call {@link #start()} after adding routes. */
    public static HttpHost on(int port) throws IOException {
        return on(new InetSocketAddress(port));
    }

    public static HttpHost on(InetSocketAddress address) throws IOException {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 32, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // Core threads alone would serve a burst one by one; let them all grow to the maximum, then time out.
        workers.allowCoreThreadTimeOut(true);
        workers.setCorePoolSize(32);
        return new HttpHost(HttpServer.create(address, 128), workers);
    }

    public HttpHost route(String method, String path, Route route) {
        Route previous = routes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).putIfAbsent(method, route);
        if (previous != null) {
            throw new IllegalStateException(method + " " + path + " is registered twice");
        }
        return this;
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            Map<String, Route> byMethod = routes.get(exchange.getRequestURI().getPath());
            HttpResponse response;
            if (byMethod == null) {
                response = HttpResponse.text(404, "not found");
            } else if (!byMethod.containsKey(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", String.join(", ", byMethod.keySet()));
                response = HttpResponse.text(405, "method not allowed");
            } else {
                response = answer(byMethod.get(exchange.getRequestMethod()), exchange);
            }
            byte[] body = response.payload();
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            if (response.attachmentName() != null) {
                exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\""
                        + response.attachmentName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static HttpResponse answer(Route route, HttpExchange exchange) {
        try {
            byte[] bytes = readBody(exchange.getRequestBody());
            if (bytes == null) {
                return HttpResponse.text(413, "request body too large");
            }
            HttpRequest request = new HttpRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(bytes, StandardCharsets.UTF_8),
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            return route.handle(request);
        } catch (Exception e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("{} {} failed, reference {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    reference, e);
            return HttpResponse.text(500, "internal error, reference " + reference);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length <= MAX_BODY_BYTES) {
            return bytes;
        }
        // Read and drop what the client is still sending (up to a bound), so it hears the 413 rather than a
        // connection reset in the middle of its upload.
        byte[] sink = new byte[64 * 1024];
        long drained = 0;
        int read;
        while (drained < DRAIN_LIMIT_BYTES && (read = in.read(sink)) > 0) {
            drained += read;
        }
        return null;
    }

    /** Stops taking requests; those under way get up to {@link #GRACE} to finish. */
    @Override
    public void close() {
        // HttpServer.stop(n) waits the whole n seconds even when idle, so the waiting for requests is done here.
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        workers.shutdownNow();
    }
}
