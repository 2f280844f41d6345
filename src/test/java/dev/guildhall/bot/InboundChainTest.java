package dev.guildhall.bot;

import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain itself: links run in the order registered, each around all that follow, the handler last. */
class InboundChainTest {
    private static final Exchange EXCHANGE = new Exchange(Inbound.of(new Command(
            Person.of(new PersonId("test:alice"), "Alice"), Optional.empty(), "learn", "rust")),
            "/learn", false, Optional.empty());

    @Test
    void eachLinkWrapsTheOnesAfterItAndTheHandlerRunsLast() {
        // Given two links that note when they start and finish, and a handler that notes it ran
        List<String> calls = new ArrayList<>();
        Middleware first = noting("first", calls);
        Middleware second = noting("second", calls);
        InboundChain chain = new InboundChain(List.of(first, second), exchange -> {
            calls.add("handler");
            return exchange.answer(Reply.of("done"), RequestObserver.Outcome.OK);
        });

        // When a request goes through
        Handled handled = chain.handle(EXCHANGE);

        // Then the order is first, second, handler, and back out in reverse
        assertThat(calls).containsExactly("first in", "second in", "handler", "second out", "first out");
        assertThat(handled.reply()).isEqualTo(Reply.of("done"));
        assertThat(handled.callerMayBeIdentified()).isTrue();
    }

    @Test
    void aLinkMayAnswerWithoutCallingTheRest() {
        // Given a link that answers by itself
        List<String> calls = new ArrayList<>();
        Middleware answering = (exchange, next) -> exchange.answer(Reply.of("from the link"),
                RequestObserver.Outcome.OK);
        InboundChain chain = new InboundChain(List.of(answering, noting("later", calls)), exchange -> {
            calls.add("handler");
            return exchange.answer(Reply.none(), RequestObserver.Outcome.OK);
        });

        // When a request goes through
        Handled handled = chain.handle(EXCHANGE);

        // Then nothing after it ran
        assertThat(handled.reply()).isEqualTo(Reply.of("from the link"));
        assertThat(calls).isEmpty();
    }

    @Test
    void aLinkThatNeedsTheStoreBeforeTheUnitOfWorkIsOpenFailsLoudly() {
        InboundChain chain = new InboundChain(List.of(new RememberCaller()),
                exchange -> exchange.answer(Reply.none(), RequestObserver.Outcome.OK));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> chain.handle(EXCHANGE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the unit of work");
    }

    private static Middleware noting(String name, List<String> calls) {
        return (exchange, next) -> {
            calls.add(name + " in");
            Handled handled = next.handle(exchange);
            calls.add(name + " out");
            return handled;
        };
    }
}
