package dev.guildhall.bot;

/**
 * One link of the inbound chain (as in Bolt's and Javalin's): it may answer by itself or hand the exchange on to
 * {@code next}, doing its part before and after.
 */
@FunctionalInterface
interface Middleware {
    Handled handle(Exchange exchange, Next next);

    /** The rest of the chain, ending with the handler. */
    @FunctionalInterface
    interface Next {
        Handled handle(Exchange exchange);
    }
}
