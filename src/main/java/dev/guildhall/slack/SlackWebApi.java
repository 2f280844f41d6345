package dev.guildhall.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.slack.api.Slack;
import com.slack.api.util.http.SlackHttpClient;
import dev.guildhall.core.Json;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;

/**
 * The Web API calls made for every message and every new caller (chat.postMessage, chat.update, conversations.open,
 * users.info): the form the SDK builds, posted through the SDK's HTTP client to the same methods URL with the bot
 * token, and the answer read with the project's one Jackson mapper. The SDK's own methods build a new Gson for every
 * answer they parse, two thirds of the outbox dispatcher's CPU; the adapter needs only a few fields of the answer.
 */
final class SlackWebApi {
    private final SlackHttpClient http;
    private final String methodsUrl;
    private final String token;

    SlackWebApi(Slack slack, String token) {
        this.http = slack.getHttpClient();
        this.methodsUrl = slack.getConfig().getMethodsEndpointUrlPrefix();
        this.token = token;
    }

    /** Posts the form; a refusal or an HTTP failure is an answer too, for the caller to judge. */
    Answer post(String method, FormBody.Builder form) throws IOException {
        try (Response response = http.postFormWithBearerHeader(methodsUrl + method, token, form.build())) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            // The SDK's listeners: its debug logging of Web API traffic, off unless asked for.
            http.runHttpResponseListeners(response, text);
            return Answer.of(response.code(), response.header("Retry-After"), text);
        }
    }

    /** One answer: the HTTP status, Slack's Retry-After, and the body's JSON (missing if it was none). */
    record Answer(int status, String retryAfter, JsonNode body) {
        static Answer of(int status, String retryAfter, String text) {
            JsonNode body;
            try {
                body = text.isBlank() ? MissingNode.getInstance() : Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                body = MissingNode.getInstance();
            }
            return new Answer(status, retryAfter, body);
        }

        boolean successful() {
            return status >= 200 && status < 300;
        }

        /** Whether the body was a JSON object at all (a proxy's HTML page is not). */
        boolean readable() {
            return body.isObject();
        }

        boolean ok() {
            return body.path("ok").asBoolean(false);
        }

        /** The text at this path ({@code "channel", "id"}), or null where Slack gave none. */
        String text(String... path) {
            JsonNode node = body;
            for (String name : path) {
                node = node.path(name);
            }
            return node.isMissingNode() || node.isNull() || node.isContainerNode() ? null : node.asText();
        }

        boolean has(String name) {
            JsonNode node = body.path(name);
            return node.isObject();
        }
    }
}
