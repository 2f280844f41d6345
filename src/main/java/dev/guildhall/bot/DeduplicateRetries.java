package dev.guildhall.bot;

import dev.guildhall.core.Reply;

/**
 * A delivery the platform may repeat carries its request id: the first one claims the id in the same unit of work
 * as its effect, a repeat changes nothing and gets the first reply again. A refused or failed request rolls its
 * claim back, so its retry is judged afresh.
 */
final class DeduplicateRetries implements Middleware {
    @Override
    public Handled handle(Exchange exchange, Next next) {
        if (exchange.inbound().requestId().isEmpty()) {
            return next.handle(exchange);
        }
        String key = exchange.inbound().requestId().get();
        HandledRequests handled = new HandledRequests(exchange.work().handle());
        if (!handled.claim(key, exchange.work().now())) {
            return exchange.answer(handled.replyTo(key).orElse(Reply.none()), RequestObserver.Outcome.OK);
        }
        Handled result = next.handle(exchange);
        handled.answer(key, result.reply());
        return result;
    }
}
