package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.guildhall.testing.Waits;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Slack Web API on 127.0.0.1 for tests: records every call and answers the way Slack does (ok bodies shaped like
 * Slack's, {@code ok:false} errors, 429 with Retry-After when told to). Response URLs live under {@code /respond/}.
 */
final class FakeSlack implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOT_USER = "UBOT0001";

    /** One call: the Web API method (or "response_url"), its parameters and the Authorization header. */
    record Call(String method, Map<String, String> params, String authorization) {
        String param(String name) {
            return params.get(name);
        }

        JsonNode json(String name) {
            try {
                return JSON.readTree(params.get(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> uploads = new java.util.concurrent.ConcurrentHashMap<>();
    /** Calls answered with ok:true, in order: what Slack actually did. */
    private final List<Call> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, int[]> rateLimitEvery = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Limit> limits = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> perMethod = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    /** Channel names taken in this workspace, and channels archived: conversations.* answer from them. */
    private final Set<String> channelNames = ConcurrentHashMap.newKeySet();
    private final Set<String> archived = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> channelMembers = new ConcurrentHashMap<>();
    private volatile String socketModeUrl = "ws://127.0.0.1:1/";
    private volatile Duration latency = Duration.ZERO;
    private final Map<String, Duration> slowNext = new ConcurrentHashMap<>();

    private FakeSlack(HttpServer server) {
        this.server = server;
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-slack");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    static FakeSlack start() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            return new FakeSlack(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + name;
    }

    void user(String id, String displayName, String timeZone) {
        ObjectNode user = JSON.createObjectNode().put("id", id).put("name", displayName.toLowerCase())
                .put("real_name", displayName).put("tz", timeZone).put("deleted", false);
        user.putObject("profile").put("display_name", displayName).put("real_name", displayName);
        users.put(id, user);
    }

    /** A channel that already exists, so conversations.create answers name_taken for its name, as Slack does. */
    void existingChannel(String name) {
        channelNames.add(name);
    }

    /** How many members conversations.info reports for a channel (when asked with include_num_members). */
    void channelMembers(String channel, int members) {
        channelMembers.put(channel, members);
    }

    void socketModeUrl(String url) {
        this.socketModeUrl = url;
    }

    /** The next call of {@code method} gets HTTP 429 with this Retry-After, as Slack's rate limiter answers. */
    void rateLimitNext(String method, int retryAfterSeconds) {
        script(method, new Answer(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                "{\"ok\":false,\"error\":\"ratelimited\"}"));
    }

    /** Every {@code every}-th call of {@code method} gets HTTP 429 with this Retry-After. */
    void rateLimitEvery(String method, int every, int retryAfterSeconds) {
        rateLimitEvery.put(method, new int[] {every, retryAfterSeconds});
    }

    /**
     * Enforces a limit on {@code method}, as Slack does per workspace: a bucket of {@code perSecond} calls refilled
     * at {@code perSecond}; a call finding it empty gets HTTP 429 with this Retry-After.
     */
    void enforceLimit(String method, double perSecond, int retryAfterSeconds) {
        limits.put(method, new Limit(perSecond, retryAfterSeconds));
    }

    /** A token bucket on the fake's own (real) clock. */
    private static final class Limit {
        final double perSecond;
        final int retryAfterSeconds;
        double tokens;
        long at = System.nanoTime();

        Limit(double perSecond, int retryAfterSeconds) {
            this.perSecond = perSecond;
            this.retryAfterSeconds = retryAfterSeconds;
            this.tokens = perSecond;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - at) / 1e9 * perSecond);
            at = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }

    List<Call> accepted(String method) {
        return accepted.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** The next call of {@code method} gets Slack's {@code ok:false} with this error. */
    void failNext(String method, String error) {
        script(method, new Answer(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}"));
    }

    void failNextWithNeeded(String method, String error, String needed) {
        script(method, new Answer(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\",\"needed\":\"" + needed
                + "\",\"provided\":\"commands,chat:write\"}"));
    }

    void answerNext(String method, int status, String body) {
        script(method, new Answer(status, Map.of(), body));
    }

    private void script(String method, Answer answer) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(answer);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Waits (bounded) until {@code count} calls match; only for work that crosses a real network. */
    List<Call> awaitCalls(String method, int count) {
        return awaitCalls(call -> call.method().equals(method), count, method);
    }

    List<Call> awaitCalls(Predicate<Call> which, int count, String what) {
        try {
            return Waits.until(() -> calls.stream().filter(which).toList(), matching -> matching.size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + count + " " + what + " call(s), got "
                    + calls.stream().filter(which).count() + "; all calls: " + calls.stream().map(Call::method).toList(),
                    e);
        }
    }

    /** Every call takes this long to answer, like a real network round trip (a fan-out then takes a while). */
    void latency(Duration latency) {
        this.latency = latency;
    }

    /** The next call of {@code method} is answered only after this long, like a Slack having a slow moment. */
    void slowNext(String method, Duration delay) {
        slowNext.put(method, delay);
    }

    void clear() {
        calls.clear();
    }

    /** The bytes uploaded for a file id. */
    byte[] uploaded(String fileId) {
        return uploads.get(fileId);
    }

    private static final java.util.function.Function<String, JsonNode> JSON_FILES = json -> {
        try {
            return json == null ? JSON.createArrayNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/upload/")) {
                // The upload URL files.getUploadURLExternal handed out: the file's bytes, not a Web API call.
                calls.add(new Call("upload", Map.of("file_id", path.substring("/upload/".length()),
                        "bytes", String.valueOf(raw.length)), null));
                uploads.put(path.substring("/upload/".length()), raw);
                byte[] ok = ("OK - " + raw.length).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ok);
                }
                return;
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = contentType != null && contentType.startsWith("application/json")
                    ? jsonParams(body) : formParams(body);
            if (exchange.getRequestURI().getRawQuery() != null) {
                params.putAll(formParams(exchange.getRequestURI().getRawQuery()));
            }
            String method = path.startsWith("/api/") ? path.substring(5)
                    : path.startsWith("/respond/") ? "response_url" : path;
            Duration slow = slowNext.remove(method);
            Duration wait = slow == null ? latency : latency.plus(slow);
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Call call = new Call(method, Map.copyOf(params), exchange.getRequestHeaders().getFirst("Authorization"));
            calls.add(call);
            Deque<Answer> queue = scripted.get(method);
            Answer answer = queue == null ? null : queue.poll();
            int[] limit = rateLimitEvery.get(method);
            if (answer == null && limit != null
                    && perMethod.computeIfAbsent(method, m -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet() % limit[0] == 0) {
                answer = new Answer(429, Map.of("Retry-After", String.valueOf(limit[1])),
                        "{\"ok\":false,\"error\":\"ratelimited\"}");
            }
            Limit enforced = limits.get(method);
            if (answer == null && enforced != null && !enforced.take()) {
                answer = new Answer(429, Map.of("Retry-After", String.valueOf(enforced.retryAfterSeconds)),
                        "{\"ok\":false,\"error\":\"ratelimited\"}");
            }
            if (answer == null) {
                answer = new Answer(200, Map.of(), method.equals("response_url") ? "ok" : answer(method, params));
            }
            if (answer.status() == 200 && answer.body().startsWith("{\"ok\":true")) {
                accepted.add(call);
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String answer(String method, Map<String, String> params) {
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> ok.put("url", "https://guildhall-test.slack.com/").put("team", "Guildhall Test")
                    .put("user", "guildhall").put("team_id", "T0TEST").put("user_id", BOT_USER).put("bot_id", "B0TEST")
                    .put("is_enterprise_install", false);
            // A DM's id starts with D; a group DM's (several users) is a private conversation's, with G.
            case "conversations.open" -> ok.putObject("channel").put("id", params.getOrDefault("users", "X")
                    .contains(",") ? "G" + params.get("users").replace(",", "") : "D" + params.getOrDefault("users", "X"));
            case "chat.postMessage" -> {
                String ts = nextTs();
                ok.put("channel", params.get("channel")).put("ts", ts);
                ok.putObject("message").put("type", "message").put("text", params.get("text")).put("ts", ts)
                        .put("user", BOT_USER);
            }
            case "chat.update" -> ok.put("channel", params.get("channel")).put("ts", params.get("ts"))
                    .put("text", params.get("text"));
            case "chat.postEphemeral" -> ok.put("message_ts", nextTs());
            case "conversations.create" -> {
                if (!channelNames.add(params.get("name"))) {
                    return "{\"ok\":false,\"error\":\"name_taken\"}";
                }
                ok.putObject("channel").put("id", "C0NEW" + counter.incrementAndGet()).put("name", params.get("name"))
                        .put("is_channel", true).put("is_private", false).put("is_archived", false)
                        .put("creator", BOT_USER);
            }
            case "conversations.invite" -> ok.putObject("channel").put("id", params.get("channel"));
            case "conversations.archive" -> {
                if (!archived.add(params.get("channel"))) {
                    return "{\"ok\":false,\"error\":\"already_archived\"}";
                }
            }
            // num_members only when asked for, as Slack does; a DM is an im and has none.
            case "conversations.info" -> {
                String id = params.get("channel");
                ObjectNode channel = ok.putObject("channel").put("id", id).put("is_im", id.startsWith("D"))
                        .put("is_channel", id.startsWith("C")).put("is_mpim", false);
                Integer members = channelMembers.get(id);
                if (members != null && List.of("true", "1").contains(params.get("include_num_members"))) {
                    channel.put("num_members", members);
                }
            }
            case "users.info" -> {
                ObjectNode user = users.get(params.get("user"));
                if (user == null) {
                    return "{\"ok\":false,\"error\":\"user_not_found\"}";
                }
                ok.set("user", user);
            }
            case "files.getUploadURLExternal" -> {
                String id = "F0" + counter.incrementAndGet();
                ok.put("upload_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + id)
                        .put("file_id", id);
            }
            case "files.completeUploadExternal" -> {
                var files = ok.putArray("files");
                JSON_FILES.apply(params.get("files")).forEach(file -> files.addObject().put("id", file.path("id").asText())
                        .put("title", file.path("title").asText()));
            }
            case "files.delete" -> {
            }
            case "views.open" -> ok.putObject("view").put("id", "V" + counter.incrementAndGet()).put("type", "modal");
            case "views.publish" -> ok.putObject("view").put("id", "V" + counter.incrementAndGet()).put("type", "home");
            case "apps.connections.open" -> ok.put("url", socketModeUrl);
            default -> {
                return "{\"ok\":false,\"error\":\"unknown_method\"}";
            }
        }
        return ok.toString();
    }

    private String nextTs() {
        return "1700000000." + String.format("%06d", counter.incrementAndGet());
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            params.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> jsonParams(String body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isBlank()) {
            return params;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = JSON.readTree(body).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            params.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText()
                    : field.getValue().toString());
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
