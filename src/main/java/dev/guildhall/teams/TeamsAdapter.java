package dev.guildhall.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.ChatPort;
import dev.guildhall.http.HttpHost;
import dev.guildhall.http.HttpResponse;
import dev.guildhall.http.RequestIds;
import dev.guildhall.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.time.Clock;

/**
 * The Microsoft Teams adapter (Bot Framework SDK), kept entirely in this package: an outbound {@link ChatPort} and
 * the inbound {@code POST /api/messages} handler.
 */
public final class TeamsAdapter {
    public static final String PLATFORM = TeamsInbound.PLATFORM;
    public static final String ENDPOINT = "/api/messages";
    private static final Logger log = LoggerFactory.getLogger(TeamsAdapter.class);
    private static final List<String> TIME_FIELDS = List.of("timestamp", "localTimestamp", "expiration");
    private static final DateTimeFormatter WITH_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** What {@code /api/messages} answers: an HTTP status and, for invokes, a JSON body. */
    public record Response(int status, String body) {
    }

    private final BotFrameworkAdapter adapter;
    private final TeamsStore store;
    private final TeamsChatPort chatPort;
    private final Clock clock;
    private final TeamsRoster roster;

    /** Without Microsoft Graph: working groups link channels that exist. */
    public TeamsAdapter(TeamsConfig config, Database database, Clock clock) {
        this(config, database, clock, Optional.empty());
    }

    /**
     * With Microsoft Graph for working groups' channels, signed in as the bot's app registration (to the tenant of
     * {@link TeamsConfig#TENANT_ID} or, for a multi-tenant bot, the team's own). Development mode has no credentials.
     */
    public TeamsAdapter(TeamsConfig config, GraphConfig graph, Database database, Clock clock) {
        this(config, database, clock, config.development() ? Optional.empty()
                : Optional.of(new TeamsGraph(graph, TeamsGraph.appCredential(config, builder -> builder))));
    }

    TeamsAdapter(TeamsConfig config, Database database, Clock clock, Optional<TeamsGraph> graph) {
        MicrosoftAppCredentials credentials = config.development()
                ? MicrosoftAppCredentials.empty()
                : new MicrosoftAppCredentials(config.appId(), config.appPassword(), config.tenantId().orElse(null));
        this.adapter = new BotFrameworkAdapter(credentials, new AuthenticationConfiguration(), null, null, null);
        this.store = new TeamsStore(database);
        this.clock = clock;
        this.roster = new TeamsRoster(clock);
        this.chatPort = new TeamsChatPort(adapter, config, credentials, store, clock, graph, roster);
        if (config.development()) {
            log.warn("!!! Teams development mode (GUILDHALL_TEAMS_DEV=true): /api/messages accepts UNAUTHENTICATED"
                    + " requests and replies to any serviceUrl they name. Never run this in production. !!!");
        }
    }

    public ChatPort chatPort() {
        return chatPort;
    }

    /** Registers {@code POST /api/messages} on the bot's HTTP server. */
    public void serveOn(Guildhall guildhall, HttpHost http) {
        http.route("POST", ENDPOINT, request -> {
            Response response = handle(guildhall, request.header("Authorization").orElse(null), request.body());
            return HttpResponse.json(response.status(), response.body());
        });
    }

    /** Handles one {@code POST /api/messages}: the Bot Framework's JWT check, then the turn. */
    public Response handle(Guildhall guildhall, String authorization, String body) {
        Activity activity;
        try {
            activity = Serialization.getAs(withFractionalSeconds(Serialization.jsonToTree(body)), Activity.class);
        } catch (IOException | RuntimeException e) {
            return new Response(400, "{\"error\":\"the body is not a Bot Framework activity\"}");
        }
        if (activity == null || activity.getType() == null) {
            return new Response(400, "{\"error\":\"the body is not a Bot Framework activity\"}");
        }
        TeamsBot bot = new TeamsBot(guildhall, store, clock, roster);
        try {
            // The SDK may run the turn on another thread: it keeps the request id of the HTTP request.
            String requestId = RequestIds.current();
            InvokeResponse invoke = adapter.processActivity(authorization == null ? "" : authorization, activity,
                    turn -> {
                        if (requestId == null) {
                            return bot.onTurn(turn);
                        }
                        try (RequestIds.Scope ignored = RequestIds.open(requestId)) {
                            return bot.onTurn(turn);
                        }
                    }).join();
            if (invoke == null) {
                return new Response(202, "");
            }
            return new Response(invoke.getStatus(), invoke.getBody() == null ? "" : Serialization.toString(invoke.getBody()));
        } catch (RuntimeException e) {
            if (isAuthenticationFailure(e)) {
                return new Response(401, "{\"error\":\"unauthorized\"}");
            }
            log.error("Teams activity {} failed", activity.getType(), e);
            return new Response(500, "{\"error\":\"the bot failed to handle this activity\"}");
        } catch (JsonProcessingException e) {
            return new Response(500, "{\"error\":\"the invoke response could not be written\"}");
        }
    }

    /**
     * The SDK reads activity times only with fractional seconds ({@code ss.nXXX}), though ISO 8601 and the Bot
     * Framework's own schema allow them to be left out: such a time is rewritten with {@code .000} before parsing.
     */
    static JsonNode withFractionalSeconds(JsonNode activity) {
        if (activity instanceof ObjectNode fields) {
            for (String name : TIME_FIELDS) {
                JsonNode value = fields.get(name);
                if (value != null && value.isTextual()) {
                    try {
                        fields.put(name, OffsetDateTime.parse(value.asText()).format(WITH_MILLIS));
                    } catch (DateTimeParseException e) {
                        // Left as it is: the SDK's parser then refuses the activity with its own message.
                    }
                }
            }
        }
        return activity;
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException || cause instanceof JWTVerificationException) {
                return true;
            }
        }
        return false;
    }
}
