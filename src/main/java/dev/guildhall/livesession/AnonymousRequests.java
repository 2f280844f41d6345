package dev.guildhall.livesession;

import dev.guildhall.command.AnonymousRetries;
import dev.guildhall.core.Inbound;
import dev.guildhall.store.UnitOfWork;

import java.util.Locale;
import java.util.Optional;

/**
 * Retries of {@code /wait} and of the trainees' buttons, recognised by an HMAC of the platform's request id under
 * the session's key ({@code anonymous_request}), deleted with the session's other keyed rows when it ends. A request
 * that names no running session (a press on an ended one, /wait where nothing runs) changes nothing, so it is not
 * deduplicated and leaves no row.
 */
final class AnonymousRequests implements AnonymousRetries {
    private final AnonymityKeys keys;
    private final LiveSessionSettings settings;

    AnonymousRequests(AnonymityKeys keys, LiveSessionSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @Override
    public Claim claim(Inbound inbound, String requestId, UnitOfWork work) {
        LiveSessionFlow flow = new LiveSessionFlow(work, keys, settings);
        return sessionOf(inbound, flow.store).filter(LiveSession::isRunning)
                .map(session -> flow.claimRequest(flow.keyed(session), requestId) ? Claim.FIRST : Claim.REPEAT)
                .orElse(Claim.NOT_MINE);
    }

    private static Optional<LiveSession> sessionOf(Inbound inbound, LiveSessionStore store) {
        if (inbound instanceof Inbound.Typed typed) {
            boolean isWait = typed.command().name().toLowerCase(Locale.ROOT).equals(WaitCommand.NAME);
            return isWait ? typed.channel().flatMap(store::runningIn) : Optional.empty();
        }
        if (!(inbound instanceof Inbound.Pressed pressed)) {
            return Optional.empty(); // a form is never anonymous
        }
        String actionId = pressed.press().actionId();
        int colon = actionId.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String action = actionId.substring(0, colon);
        Optional<Long> id = number(actionId.substring(colon + 1));
        return switch (action) {
            case LiveSessionMessages.WAIT, LiveSessionMessages.OK, LiveSessionMessages.ASK -> id.flatMap(store::session);
            case LiveSessionMessages.UPVOTE -> id.flatMap(store::question).flatMap(q -> store.session(q.sessionId()));
            default -> Optional.empty();
        };
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
