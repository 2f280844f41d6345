package dev.guildhall.bot;

import dev.guildhall.people.People;

/** Records the caller as seen, in the request's unit of work; an anonymous caller leaves no trace at all. */
final class RememberCaller implements Middleware {
    @Override
    public Handled handle(Exchange exchange, Next next) {
        if (!exchange.anonymous()) {
            new People(exchange.work().handle()).remember(exchange.inbound().caller(), exchange.work().now());
        }
        return next.handle(exchange);
    }
}
