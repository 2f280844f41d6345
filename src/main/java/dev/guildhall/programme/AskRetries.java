package dev.guildhall.programme;

import dev.guildhall.command.AnonymousKey;
import dev.guildhall.command.AnonymousRetries;
import dev.guildhall.core.Inbound;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Retries of an anonymous question to a module's owners ({@code /ask}, or "Ask anonymously" with its text), so a
 * platform delivering the same request twice does not post the question twice. Like {@code /wait}'s retries, only an
 * HMAC of the platform's request id ({@link AnonymousKey}) is stored, under a key this process holds in memory alone, with the minute it was
 * handled; rows go after {@link #REMEMBERED}, well past the platforms' retries (Slack's last comes after 5 minutes).
 * A retry that reaches another replica, or arrives after a restart, is not recognised: the price of a key nobody
 * can recover.
 */
final class AskRetries implements AnonymousRetries {
    static final Duration REMEMBERED = Duration.ofMinutes(15);
    private static final String PURPOSE = "ask-request";

    private final AnonymousKey key = AnonymousKey.random();

    @Override
    public Claim claim(Inbound inbound, String requestId, UnitOfWork work) {
        if (!postsAQuestion(inbound)) {
            return Claim.NOT_MINE;
        }
        ProgrammeStore store = new ProgrammeStore(work.handle());
        Instant minute = work.now().truncatedTo(ChronoUnit.MINUTES);
        store.forgetAnonymousRequestsBefore(minute.minus(REMEMBERED));
        return store.claimAnonymousRequest(key.token(PURPOSE, requestId), minute) ? Claim.FIRST : Claim.REPEAT;
    }

    /** {@code /ask}, or the result's "Ask anonymously" pressed with its text (without text it only opens the box). */
    private static boolean postsAQuestion(Inbound inbound) {
        if (inbound instanceof Inbound.Typed typed) {
            return typed.command().name().toLowerCase(Locale.ROOT).equals(AskCommand.NAME);
        }
        if (!(inbound instanceof Inbound.Pressed pressed)) {
            return false;
        }
        var press = pressed.press();
        return press.actionId().startsWith(CheckFlow.ASK + ":") && !press.input().isEmpty();
    }
}
