package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Microsoft Graph's team channels ({@code /v1.0/teams/{team}/channels…}): creates channels with
 * made-up ids, keeps their names, and records every call. {@link #refuse} makes one kind of call answer 403 as Graph
 * does when the app lacks a permission.
 */
final class FakeGraph implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code operation}: create, members, archive, get, rename or delete; ids are decoded. */
    record Call(String operation, String team, String channel, JsonNode body, String authorization) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakeGraph() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1.0/teams/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).toList();
    }

    /** From now on, every call of this operation answers {@code status} (403: a permission is missing). */
    void refuse(String operation, int status) {
        refusals.put(operation, status);
    }

    String nameOf(String channel) {
        return names.get(channel);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        String[] parts = exchange.getRequestURI().getRawPath().split("/");
        // /v1.0/teams/{team}/channels[/{channel}[/members|/archive]]
        String team = decode(parts[3]);
        String channel = parts.length > 5 ? decode(parts[5]) : "";
        String method = exchange.getRequestMethod();
        String operation = parts.length > 6 ? parts[6]
                : parts.length == 5 ? "create"
                : switch (method) {
                    case "GET" -> "get";
                    case "PATCH" -> "rename";
                    case "DELETE" -> "delete";
                    default -> "unknown";
                };
        calls.add(new Call(operation, team, channel, body, exchange.getRequestHeaders().getFirst("Authorization")));
        Integer refused = refusals.get(operation);
        if (refused != null) {
            FakeConnector.respond(exchange, refused, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing role permissions on"
                    + " the request. API requires one of the permissions this app was not granted.\"}}");
            return;
        }
        switch (operation) {
            case "create" -> {
                String id = "19:wg-" + ids.incrementAndGet() + "@thread.tacv2";
                names.put(id, body.path("displayName").asText());
                ObjectNode created = JSON.createObjectNode().put("id", id)
                        .put("displayName", body.path("displayName").asText())
                        .put("membershipType", body.path("membershipType").asText("standard"));
                FakeConnector.respond(exchange, 201, created.toString());
            }
            case "members" -> FakeConnector.respond(exchange, 201, JSON.createObjectNode().put("id", "member-" + ids.incrementAndGet())
                    .toString());
            case "get" -> FakeConnector.respond(exchange, 200, JSON.createObjectNode().put("id", channel)
                    .put("displayName", names.getOrDefault(channel, "General")).toString());
            case "rename" -> {
                names.put(channel, body.path("displayName").asText());
                FakeConnector.respond(exchange, 204, "");
            }
            case "delete" -> {
                names.remove(channel);
                FakeConnector.respond(exchange, 204, "");
            }
            case "archive" -> FakeConnector.respond(exchange, 202, "");
            default -> FakeConnector.respond(exchange, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no such call\"}}");
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
