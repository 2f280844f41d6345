package dev.guildhall.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.util.json.GsonFactory;
import dev.guildhall.core.Message;
import dev.guildhall.http.HttpRequest;
import dev.guildhall.http.HttpResponse;
import dev.guildhall.http.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /slack/events}: slash commands, interactivity and events on one URL, as Bolt apps take them. The
 * signature is checked first, over the raw body; a request that fails it reaches neither Bolt nor the core.
 */
final class SlackEventsRoute implements Route {
    static final String PATH = "/slack/events";
    private static final Logger log = LoggerFactory.getLogger(SlackEventsRoute.class);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    static final String BUSY = "{\"response_type\":\"ephemeral\",\"text\":\"I'm busy, try again in a moment\"}";

    private final App app;
    private final SlackRequestParser parser;
    private final SlackRequestVerifier verifier;

    SlackEventsRoute(App app, SlackRequestVerifier verifier) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        if (!verifier.isValid(request.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                request.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), request.body())) {
            log.warn("rejected a request to {} from {}: missing, wrong or stale Slack signature", PATH,
                    request.remoteAddress());
            return HttpResponse.text(401, "invalid Slack signature");
        }
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith(FORM) && !contentType.startsWith(JSON)) {
            return HttpResponse.text(415, "Slack sends " + FORM + " or " + JSON);
        }
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.path())
                    .queryString(query(request.query()))
                    .headers(new RequestHeaders(lowerCase(request.headers())))
                    .requestBody(request.body())
                    .remoteAddress(request.remoteAddress())
                    .build());
        } catch (RuntimeException e) {
            // Bolt's parser throws on broken form encoding or JSON (Gson, URLDecoder): the sender's fault, not ours.
            log.warn("rejected a malformed request to {} from {}: {}", PATH, request.remoteAddress(), e.toString());
            return HttpResponse.text(400, "malformed Slack request");
        }
        if (slackRequest == null) {
            return HttpResponse.text(400, "not a Slack request");
        }
        Response response = app.run(slackRequest);
        return new HttpResponse(response.getStatusCode(), response.getContentType(), response.getBody());
    }

    /**
     * When every worker is taken, a slash command still gets a 200 with a short ephemeral answer: Slack shows a 503
     * to the person as {@code dispatch_failed}, which reads like a broken app. Other requests (button presses,
     * events) get the 503, which Slack retries.
     */
    @Override
    public HttpResponse busy(HttpRequest request) {
        if (!verifier.isValid(request.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                request.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), request.body())) {
            return HttpResponse.text(401, "invalid Slack signature");
        }
        boolean slashCommand = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).startsWith(FORM)
                && (request.body().startsWith("command=") || request.body().contains("&command="));
        return slashCommand ? HttpResponse.json(200, BUSY) : Route.super.busy(request);
    }

    /**
     * Loads what the first request would otherwise load while Slack waits on it (the parser, Block Kit, JSON):
     * the first ack after a restart is the one most at risk of Slack's 3 seconds. Changes nothing.
     */
    void warmUp() {
        parser.parse(SlackRequestParser.HttpRequest.builder().requestUri(PATH).queryString(Map.of())
                .headers(new RequestHeaders(Map.of())).remoteAddress("127.0.0.1")
                .requestBody("token=t&team_id=T0&user_id=U0&user_name=u&command=%2Fwarm&text=up&trigger_id=0")
                .build());
        GsonFactory.createSnakeCase().toJson(BlockKit.blocks(Message.text("warm").withField("a", "b")
                .withContext("c").withButton(Message.Button.primary("warm:0", "Warm"))));
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        return lower;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }
}
