package dev.guildhall.bot;

import dev.guildhall.command.FormRejected;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.UUID;

/**
 * Turns what went wrong into the caller's reply, after everything below has been rolled back: bad input gets its
 * friendly message, a failure on the bot's side an apology with a reference the admin can find in the log — the
 * request id of the logging context when there is one, so the person and the log quote the same reference.
 */
final class ReplyOnFailure implements Middleware {
    static final String REQUEST_ID = "request_id";
    private static final Logger log = LoggerFactory.getLogger(ReplyOnFailure.class);

    @Override
    public Handled handle(Exchange exchange, Next next) {
        try {
            return next.handle(exchange);
        } catch (FormRejected e) {
            return exchange.answer(Reply.of(e.getMessage()), RequestObserver.Outcome.REFUSED, e.problems(), false);
        } catch (UsageException e) {
            return exchange.answer(Reply.of(e.getMessage()), RequestObserver.Outcome.REFUSED);
        } catch (RuntimeException e) {
            String reference = reference();
            if (exchange.anonymous()) {
                // Exception messages can quote bound SQL arguments, the caller's id among them: keep only the kind.
                log.error("an anonymous request failed, reference {}: {} (details withheld)", reference,
                        e.getClass().getName());
            } else {
                log.error("request failed, reference {}", reference, e);
            }
            return exchange.answer(Reply.of("Sorry — something went wrong on my side and nothing was changed. Please"
                    + " try again in a moment; if it keeps happening, tell your Guildhall admin (reference "
                    + reference + ")."), RequestObserver.Outcome.FAILED);
        }
    }

    private static String reference() {
        String requestId = MDC.get(REQUEST_ID);
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString().substring(0, 8) : requestId;
    }
}
