package dev.guildhall.slack;

import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Who callers are, beyond the handle a slash command carries: display name and time zone from users.info, looked
 * up after the ack, kept for {@link #FRESH} and handed to the store. Anonymous callers never come here.
 */
final class SlackPeople {
    private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);
    static final Duration FRESH = Duration.ofHours(6);
    private static final int MAX_CACHED = 50_000;

    /** What users.info said, or that it did not know the person (asked again only once stale, too). */
    private record Known(Optional<Person> person, Instant fetchedAt) {
    }

    private final SlackChatPort port;
    private final Clock clock;
    private final Consumer<Person> store;
    private final Map<PersonId, Known> known = new ConcurrentHashMap<>();

    SlackPeople(SlackChatPort port, Clock clock, Consumer<Person> store) {
        this.port = port;
        this.clock = clock;
        this.store = store;
    }

    /** The caller as best known now: what users.info said last, else the name the payload carried. */
    Person caller(PersonId id, String payloadName) {
        Known entry = known.get(id);
        return entry != null && entry.person().isPresent() ? entry.person().get() : Person.of(id, payloadName);
    }

    /** Looks the person up again unless that was done recently; stores what Slack says. */
    void refresh(PersonId id) {
        Known entry = known.get(id);
        Instant now = clock.instant();
        if (entry != null && entry.fetchedAt().plus(FRESH).isAfter(now)) {
            return;
        }
        try {
            Optional<Person> person = port.lookup(id);
            if (known.size() >= MAX_CACHED) {
                known.clear();
            }
            known.put(id, new Known(person, now));
            person.ifPresent(store);
        } catch (DeliveryException e) {
            log.warn("users.info failed; the name from the command is used meanwhile: {}", e.getMessage());
        }
    }
}
