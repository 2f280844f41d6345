package dev.guildhall.bot;

/** Lets the adapter store how to reach a caller who is not anonymous, before the handler may send them anything. */
final class RememberContact implements Middleware {
    @Override
    public Handled handle(Exchange exchange, Next next) {
        if (!exchange.anonymous()) {
            exchange.inbound().contact().remember();
        }
        return next.handle(exchange);
    }
}
