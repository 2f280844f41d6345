package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.guildhall.testing.Waits;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local stand-in for the Bot Framework connector at an activity's serviceUrl: records what the bot sends. */
public final class FakeConnector implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code bytes}: the size of the request body as it arrived, what Teams' activity size limit applies to. */
    public record Call(String method, String path, JsonNode body, int bytes) {
        public String conversation() {
            String[] parts = path.split("/");
            return parts.length > 3 ? java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : "";
        }

        /** The Adaptive Card sent, or a missing node. */
        public JsonNode card() {
            return body.path("attachments").path(0).path("content");
        }

        public String cardText() {
            StringBuilder text = new StringBuilder();
            card().path("body").forEach(block -> {
                text.append(block.path("text").asText("")).append('\n');
                block.path("facts").forEach(f -> text.append(f.path("title").asText()).append(": ")
                        .append(f.path("value").asText()).append('\n'));
            });
            return text.toString();
        }

        public List<String> buttonTitles() {
            return card().path("actions").findValuesAsText("title");
        }

        public String buttonData(String title) {
            for (JsonNode action : card().path("actions")) {
                if (action.path("title").asText().equals(title)) {
                    return action.path("data").path("guildhall").asText();
                }
            }
            throw new AssertionError("no button " + title + " in " + card());
        }
    }

    /** The Microsoft 365 group id the connector gives for any team (what Microsoft Graph names the team by). */
    public static final String TEAM_GROUP = "0c1f5c1e-team-4000-8000-platformteam";

    /** Members per page of a paged roster: small, so a roster of a few dozen takes several pages. */
    static final int ROSTER_PAGE = 10;

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger conversations = new AtomicInteger();
    private volatile int failNextWith = 0;
    private volatile boolean rosterSilent = false;
    private final List<HttpExchange> unanswered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int failRostersWith = 0;
    private final java.util.Map<String, java.util.Set<String>> rosters = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, String> principalNames = new java.util.concurrent.ConcurrentHashMap<>();

    public FakeConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> to(String conversation) {
        return calls.stream().filter(c -> c.conversation().equals(conversation)).toList();
    }

    /** Waits, a bounded time, for calls the bot's background delivery makes after a real round trip. */
    public List<Call> await(String conversation, java.util.function.Predicate<Call> which) {
        try {
            return Waits.until(() -> to(conversation).stream().filter(which).toList(), found -> !found.isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("nothing matching arrived in " + conversation + "; calls: " + calls, e);
        }
    }

    /** The Teams user ids ({@code 29:…}) in a conversation's roster, as the members call answers them. */
    public void roster(String conversation, String... teamsUserIds) {
        rosters.put(conversation, java.util.Set.of(teamsUserIds));
    }

    /** A roster member's user principal name, as the members call answers it (Teams sends it; Bot Framework passes it on). */
    public void principalName(String teamsUserId, String userPrincipalName) {
        principalNames.put(teamsUserId, userPrincipalName);
    }

    /**
     * One page of a conversation's roster, {@link #ROSTER_PAGE} members at most, as the paged members call answers
     * it: the continuation token is where the next page starts.
     */
    private String rosterPage(String conversation, String query) {
        List<String> members = rosters.getOrDefault(conversation, java.util.Set.of()).stream().sorted().toList();
        int from = 0;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("continuationToken=")) {
                from = Integer.parseInt(pair.substring("continuationToken=".length()).replace("page-", ""));
            }
        }
        int to = Math.min(members.size(), from + ROSTER_PAGE);
        com.fasterxml.jackson.databind.node.ObjectNode page = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode listed = page.putArray("members");
        members.subList(from, to).forEach(member -> listed.addObject().put("id", member).put("name", member));
        if (to < members.size()) {
            page.put("continuationToken", "page-" + to);
        }
        return page.toString();
    }

    public void clear() {
        calls.clear();
    }

    /** Roster (members) calls get no answer at all, like a connector having a bad moment. */
    void silenceRoster() {
        rosterSilent = true;
    }

    /** Every roster page asked for from now on is answered with this HTTP status (e.g. 500). */
    void failRostersWith(int status) {
        failRostersWith = status;
    }

    /** The next call is answered with this HTTP status (e.g. 429). */
    void failNextWith(int status) {
        failNextWith = status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        String path = exchange.getRequestURI().getRawPath();
        int status = failNextWith;
        if (status != 0) {
            failNextWith = 0;
            exchange.getResponseHeaders().add("Retry-After", "7");
            respond(exchange, status, "{\"error\":{\"code\":\"Throttled\",\"message\":\"slow down\"}}");
            return;
        }
        calls.add(new Call(exchange.getRequestMethod(), path, body, raw.length));
        String answer;
        String[] parts = path.split("/");
        if (exchange.getRequestMethod().equals("GET") && parts.length == 4 && parts[2].equals("teams")) {
            String team = java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
            respond(exchange, 200, JSON.createObjectNode().put("id", team).put("name", "Platform team")
                    .put("aadGroupId", TEAM_GROUP).toString());
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && parts.length == 6 && parts[4].equals("members")) {
            if (rosterSilent) {
                unanswered.add(exchange);
                return;
            }
            String conversation = java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
            String user = java.net.URLDecoder.decode(parts[5], StandardCharsets.UTF_8);
            if (!rosters.getOrDefault(conversation, java.util.Set.of()).contains(user)) {
                respond(exchange, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"not a member\"}}");
                return;
            }
            com.fasterxml.jackson.databind.node.ObjectNode member = JSON.createObjectNode().put("id", user);
            if (principalNames.containsKey(user)) {
                member.put("userPrincipalName", principalNames.get(user));
            }
            respond(exchange, 200, member.toString());
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && parts.length == 5 && parts[4].equals("pagedmembers")) {
            if (failRostersWith != 0) {
                respond(exchange, failRostersWith, "{\"error\":{\"code\":\"ServiceError\",\"message\":\"down\"}}");
                return;
            }
            String conversation = java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
            respond(exchange, 200, rosterPage(conversation, exchange.getRequestURI().getRawQuery()));
            return;
        }
        if (path.equals("/v3/conversations") || path.equals("/v3/conversations/")) {
            answer = "{\"id\":\"a:opened-" + conversations.incrementAndGet() + "\"}";
        } else if (exchange.getRequestMethod().equals("PUT")) {
            answer = "{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\"}";
        } else {
            answer = "{\"id\":\"activity-" + ids.incrementAndGet() + "\"}";
        }
        respond(exchange, 200, answer);
    }

    /** A JSON answer; an empty body is sent as none at all (204, 202). */
    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        unanswered.forEach(HttpExchange::close);
        server.stop(0);
    }
}
