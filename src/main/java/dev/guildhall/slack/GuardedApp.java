package dev.guildhall.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.guildhall.http.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The Bolt app with two guards in front of every request, over HTTP and Socket Mode alike:
 * <ul>
 *   <li>a request id in the logging context ({@link RequestIds}), unless the HTTP server already gave it one;</li>
 *   <li>a command, a button press or a Home-tab visit must name the workspace and the person ({@code team_id},
 *   {@code user_id}): the person's id is built from both. Slack always sends them; a signed request without them
 *   is refused with a 400 before any handler runs, so it changes nothing.</li>
 * </ul>
 * Done by overriding {@link App#run} rather than with {@code App.use}: adding a middleware makes Bolt build its
 * built-in ones at once, which asks Slack's {@code auth.test} and fails start-up while Slack is unreachable.
 */
final class GuardedApp extends App {
    private static final Logger log = LoggerFactory.getLogger(GuardedApp.class);

    GuardedApp(AppConfig config) {
        super(config);
    }

    @Override
    public Response run(Request request) throws Exception {
        if (RequestIds.current() != null) {
            return guarded(request);
        }
        try (RequestIds.Scope ignored = RequestIds.open(RequestIds.next())) {
            return guarded(request);
        }
    }

    private Response guarded(Request<?> request) throws Exception {
        Optional<String> missing = missing(request);
        if (missing.isPresent()) {
            log.warn("refused a Slack {} without {}", request.getRequestType(), missing.get());
            return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8")
                    .body("a Slack " + request.getRequestType() + " must name its " + missing.get()).build();
        }
        return super.run(request);
    }

    /** The organization (enterprise or team) and the person, read where the handlers read them. */
    static Optional<String> missing(Request<?> request) {
        String organization;
        String user;
        if (request instanceof SlashCommandRequest command) {
            SlashCommandPayload payload = command.getPayload();
            organization = firstPresent(payload.getEnterpriseId(), payload.getTeamId());
            user = payload.getUserId();
        } else if (request instanceof BlockActionRequest press) {
            BlockActionPayload payload = press.getPayload();
            organization = firstPresent(payload.getEnterprise() == null ? null : payload.getEnterprise().getId(),
                    payload.getTeam() != null ? payload.getTeam().getId()
                            : payload.getUser() == null ? null : payload.getUser().getTeamId());
            user = payload.getUser() == null ? null : payload.getUser().getId();
        } else if (request instanceof EventRequest event && "app_home_opened".equals(event.getEventType())) {
            JsonObject envelope = JsonParser.parseString(event.getRequestBodyAsString()).getAsJsonObject();
            organization = firstPresent(text(envelope, "enterprise_id"), text(envelope, "team_id"));
            user = envelope.has("event") && envelope.get("event").isJsonObject()
                    ? text(envelope.getAsJsonObject("event"), "user") : null;
        } else {
            return Optional.empty();
        }
        if (isBlank(organization)) {
            return Optional.of("team_id");
        }
        return isBlank(user) ? Optional.of("user_id") : Optional.empty();
    }

    private static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    private static String firstPresent(String preferred, String fallback) {
        return isBlank(preferred) ? fallback : preferred;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank() || "null".equals(value);
    }
}
