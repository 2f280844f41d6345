package dev.guildhall.bot;

import dev.guildhall.core.Inbound;
import dev.guildhall.core.Reply;
import dev.guildhall.store.UnitOfWork;

import java.util.Map;
import java.util.Optional;

/**
 * One request on its way through the middleware: what came in, how metrics name it, whether it is anonymous, and —
 * once {@link InUnitOfWork} has opened it — the unit of work the handler writes through.
 */
record Exchange(Inbound inbound, String name, boolean anonymous, Optional<UnitOfWork> unitOfWork) {

    UnitOfWork work() {
        return unitOfWork.orElseThrow(() -> new IllegalStateException(
                "a middleware that needs the store runs before the unit of work is opened"));
    }

    Exchange within(UnitOfWork work) {
        return new Exchange(inbound, name, anonymous, Optional.of(work));
    }

    Handled answer(Reply reply, RequestObserver.Outcome outcome) {
        return new Handled(reply, !anonymous, outcome);
    }

    Handled answer(Reply reply, RequestObserver.Outcome outcome, Map<String, String> problems, boolean preview) {
        return new Handled(reply, !anonymous, outcome, problems, preview);
    }
}
