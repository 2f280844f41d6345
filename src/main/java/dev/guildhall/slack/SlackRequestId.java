package dev.guildhall.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.guildhall.http.RequestIds;

/**
 * Gives a request that came over Socket Mode its request id in the logging context, as the HTTP server does for
 * {@code /slack/events}; a request that already has one (over HTTP) keeps it.
 */
final class SlackRequestId implements Middleware {
    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (RequestIds.current() != null) {
            return chain.next(req);
        }
        try (RequestIds.Scope ignored = RequestIds.open(RequestIds.next())) {
            return chain.next(req);
        }
    }
}
