package dev.guildhall.bot;

import dev.guildhall.command.AnonymousRetries;
import dev.guildhall.core.Reply;

/**
 * A delivery the platform may repeat carries its request id: the first one claims the id in the same unit of work
 * as its effect, a repeat changes nothing and gets the first reply again. A refused or failed request rolls its
 * claim back, so its retry is judged afresh.
 *
 * <p>An anonymous request is never recorded here: its id and reply would link it to the same person's other
 * anonymous actions. The capability that owns it claims a keyed hash of the id instead, and a repeat gets
 * {@link #ANONYMOUS_REPEAT}, which is true whatever the first delivery did and says nothing about it.
 */
final class DeduplicateRetries implements Middleware {
    static final String ANONYMOUS_REPEAT = "Got it — that request reached Guildhall twice; the repeat changed nothing.";

    private final AnonymousRetries anonymous;

    DeduplicateRetries(AnonymousRetries anonymous) {
        this.anonymous = anonymous;
    }

    @Override
    public Handled handle(Exchange exchange, Next next) {
        if (exchange.inbound().requestId().isEmpty()) {
            return next.handle(exchange);
        }
        String key = exchange.inbound().requestId().get();
        if (exchange.anonymous()) {
            return anonymous.claim(exchange.inbound(), key, exchange.work()) == AnonymousRetries.Claim.REPEAT
                    ? exchange.answer(Reply.of(ANONYMOUS_REPEAT), RequestObserver.Outcome.OK)
                    : next.handle(exchange);
        }
        HandledRequests handled = new HandledRequests(exchange.work().handle());
        if (!handled.claim(key, exchange.work().now())) {
            return exchange.answer(handled.replyTo(key).orElse(Reply.none()), RequestObserver.Outcome.OK);
        }
        Handled result = next.handle(exchange);
        handled.answer(key, result.reply());
        return result;
    }
}
