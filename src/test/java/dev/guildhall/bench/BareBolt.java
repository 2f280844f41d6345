package dev.guildhall.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.guildhall.http.HttpHost;
import dev.guildhall.http.HttpResponse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The baseline: a Bolt app that only acks /learn and /teach, with Bolt's own signature check, hosted exactly as the
 * bot's {@code /slack/events} is (the same {@link HttpHost}, Bolt's request parser, {@code app.run}).
 */
final class BareBolt implements AutoCloseable {
    private final HttpHost host;

    BareBolt(String apiUrl, String secret) throws Exception {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        slackConfig.setStatsEnabled(false);
        slackConfig.getMethodsConfig().setStatsEnabled(false);
        App app = new App(AppConfig.builder().slack(Slack.getInstance(slackConfig)).singleTeamBotToken("xoxb-bench")
                .signingSecret(secret).authTestCacheEnabled(true).build());
        app.command("/learn", (request, context) -> context.ack());
        app.command("/teach", (request, context) -> context.ack());
        SlackRequestParser parser = new SlackRequestParser(app.config());
        host = HttpHost.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        host.route("POST", "/slack/events", request -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            request.headers().forEach((name, values) -> headers.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    n -> new ArrayList<>()).addAll(values));
            Request<?> slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.path()).queryString(Map.of()).headers(new RequestHeaders(headers))
                    .requestBody(request.body()).remoteAddress(request.remoteAddress()).build());
            Response response = app.run(slackRequest);
            return new HttpResponse(response.getStatusCode(), response.getContentType(), response.getBody());
        });
        host.start();
    }

    String url() {
        return "http://127.0.0.1:" + host.port() + "/slack/events";
    }

    @Override
    public void close() {
        host.close();
    }
}
