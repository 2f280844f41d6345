package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.ChannelAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether someone is in a conversation's roster, asked of the connector with a short timeout and remembered briefly,
 * for both who may ask in a live session from their personal chat and a person's sign-in name. A connector that does
 * not answer in time leaves the turn waiting {@link #TIMEOUT} at most: the answer is then "unknown", logged without
 * naming the person or the conversation (a wait is anonymous). Only sign-in names are remembered: a wait's look-ups
 * are asked afresh and kept nowhere, since "this person was looked up in that session's channel just now" would
 * link them to the flag raised a moment later.
 */
final class TeamsRoster {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration REMEMBERED = Duration.ofMinutes(1);
    private static final int NOT_FOUND = 404;
    private static final int MAX_REMEMBERED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(TeamsRoster.class);

    /** What the roster said. */
    sealed interface Answer {
    }

    /** In the roster, with their user principal name when the connector gives it. */
    record Member(Optional<String> principalName) implements Answer {
    }

    record NotMember() implements Answer {
    }

    /** No answer in time, or a failure: {@code failure} says which (a 429 carries when to try again). */
    record Unknown(Throwable failure) implements Answer {
    }

    private record Remembered(Answer answer, Instant until) {
    }

    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    TeamsRoster(Clock clock) {
        this.clock = clock;
    }

    Answer member(ConnectorClient connector, String conversation, String teamsUserId) {
        String key = conversation + "\n" + teamsUserId;
        Instant now = clock.instant();
        remembered.values().removeIf(entry -> !entry.until().isAfter(now));
        Remembered known = remembered.get(key);
        if (known != null && known.until().isAfter(now)) {
            return known.answer();
        }
        Answer answer = askOnce(connector, conversation, teamsUserId, TIMEOUT);
        if (!(answer instanceof Unknown)) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(answer, now.plus(REMEMBERED)));
        }
        return answer;
    }

    /** Asked now with at most {@code timeout}, remembered nowhere. */
    Answer askOnce(ConnectorClient connector, String conversation, String teamsUserId, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return new Unknown(new TimeoutException("no time left for this roster"));
        }
        java.util.concurrent.CompletableFuture<ChannelAccount> asked =
                connector.getConversations().getConversationMember(teamsUserId, conversation);
        try {
            ChannelAccount member = asked.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            JsonNode upn = member == null ? null : member.getProperties().get("userPrincipalName");
            return new Member(upn == null || upn.asText().isBlank() ? Optional.empty() : Optional.of(upn.asText()));
        } catch (TimeoutException e) {
            asked.cancel(true);
            log.warn("a Teams roster look-up got no answer within {} ms; carrying on without it", timeout.toMillis());
            return new Unknown(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unknown(e);
        } catch (ExecutionException | RuntimeException e) {
            int status = status(e);
            if (status == NOT_FOUND) {
                return new NotMember();
            }
            // Neither the person nor the conversation is named: a wait from a personal chat is anonymous.
            log.warn("a Teams roster look-up failed ({}); carrying on without it",
                    status > 0 ? "HTTP " + status : e.getClass().getSimpleName());
            return new Unknown(e);
        }
    }

    private static int status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RestException rest && rest.response() != null) {
                return rest.response().code();
            }
        }
        return -1;
    }
}
