package dev.guildhall.bot;

import java.util.List;

/** Middleware in order, then the handler; each link wraps all that follow it. */
final class InboundChain {
    private final List<Middleware> links;
    private final Middleware.Next handler;

    InboundChain(List<Middleware> links, Middleware.Next handler) {
        this.links = List.copyOf(links);
        this.handler = handler;
    }

    Handled handle(Exchange exchange) {
        return from(0).handle(exchange);
    }

    private Middleware.Next from(int index) {
        if (index == links.size()) {
            return handler;
        }
        return exchange -> links.get(index).handle(exchange, from(index + 1));
    }
}
