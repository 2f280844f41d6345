package dev.guildhall.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Slack Web API on 127.0.0.1 for the benchmarks: counts instead of recording (the test suite's FakeSlack keeps
 * every call, which costs more than what is measured at 10,000 calls), and enforces a rate limit on
 * chat.postMessage for the whole workspace the way Slack does: over the limit, HTTP 429 with Retry-After.
 */
final class BenchSlack implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long refilledAt = System.nanoTime();
    /** DM channel or channel id → how many chat.postMessage calls reached it (accepted ones only). */
    final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    final AtomicLong otherCalls = new AtomicLong();
    final AtomicLong firstPostNanos = new AtomicLong();
    final AtomicLong lastPostNanos = new AtomicLong();

    private BenchSlack(double perSecond, double burst) throws IOException {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        workers = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "bench-slack");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", this::serve);
        server.setExecutor(workers);
        server.start();
    }

    /** No rate limit. */
    static BenchSlack unlimited() {
        return limited(Double.POSITIVE_INFINITY);
    }

    /** chat.postMessage limited to {@code perSecond} for the workspace, with one second's worth of burst. */
    static BenchSlack limited(double perSecond) {
        try {
            return new BenchSlack(perSecond, Double.isInfinite(perSecond) ? 0 : Math.max(1, perSecond));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/x";
    }

    private synchronized boolean take() {
        if (Double.isInfinite(perSecond)) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = form(body);
            String method = path.startsWith("/api/") ? path.substring(5) : path;
            int status = 200;
            String answer;
            switch (method) {
                case "auth.test" -> answer = "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\","
                        + "\"user\":\"bot\",\"team_id\":\"T0BENCH\",\"user_id\":\"UBOT0001\",\"bot_id\":\"B0BENCH\"}";
                case "users.info" -> {
                    String user = params.getOrDefault("user", "U0");
                    answer = "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"name\":\"n" + user
                            + "\",\"real_name\":\"N " + user + "\",\"tz\":\"Europe/Berlin\",\"deleted\":false,"
                            + "\"profile\":{\"display_name\":\"n" + user + "\",\"real_name\":\"N " + user + "\"}}}";
                }
                case "conversations.open" -> answer = "{\"ok\":true,\"channel\":{\"id\":\"D"
                        + params.getOrDefault("users", "U0") + "\"}}";
                case "chat.postMessage" -> {
                    if (take()) {
                        String channel = params.getOrDefault("channel", "?");
                        posts.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
                        long n = accepted.incrementAndGet();
                        long now = System.nanoTime();
                        firstPostNanos.compareAndSet(0, now);
                        lastPostNanos.set(now);
                        answer = "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + (1_700_000_000L + n)
                                + ".000100\"}";
                    } else {
                        rateLimited.incrementAndGet();
                        exchange.getResponseHeaders().set("Retry-After", "1");
                        status = 429;
                        answer = "{\"ok\":false,\"error\":\"ratelimited\"}";
                    }
                }
                case "chat.update" -> {
                    updates.incrementAndGet();
                    answer = "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts")
                            + "\"}";
                }
                default -> {
                    otherCalls.incrementAndGet();
                    answer = "{\"ok\":true}";
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        if (body.isEmpty() || body.startsWith("{")) {
            return params;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** How many channels got a post more than once (a DM channel per person: a doubled message). */
    long duplicates() {
        return posts.values().stream().filter(count -> count.get() > 1).count();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
