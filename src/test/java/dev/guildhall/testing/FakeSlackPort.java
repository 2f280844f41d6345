package dev.guildhall.testing;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat platform that behaves like a busy Slack: every {@code rateLimitEvery}-th call is refused with
 * "rate limited, retry after 2 s", and calls made before that time passes are counted as violations. It can also
 * "die" after a number of successful sends, like a process killed in the middle of a fan-out: the call throws an
 * Error and delivers nothing. What it delivered is kept in {@link Ledger}, which outlives one port.
 */
public final class FakeSlackPort implements ChatPort {
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** What reached people, across ports (processes). */
    public static final class Ledger {
        public final Map<String, AtomicInteger> directs = new ConcurrentHashMap<>();
        public final List<String> updates = new ArrayList<>();
        public final List<String> posts = new ArrayList<>();
        public int rateLimited;
        public int callsDuringStop;
        public int timeouts;
    }

    /** Thrown to simulate the process dying mid-call. */
    public static final class Killed extends Error {
        public Killed() {
            super("the process was killed");
        }
    }

    private final Ledger ledger;
    private final Clock clock;
    private final int rateLimitEvery;
    private final int dieAfterSends;
    private int transientEvery;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger sends = new AtomicInteger();
    private final Map<String, Instant> stoppedUntil = new ConcurrentHashMap<>();

    public FakeSlackPort(Ledger ledger, Clock clock, int rateLimitEvery, int dieAfterSends) {
        this.ledger = ledger;
        this.clock = clock;
        this.rateLimitEvery = rateLimitEvery;
        this.dieAfterSends = dieAfterSends;
    }

    /** Also answers every {@code n}-th call with a timeout, as a flaky network would. */
    public FakeSlackPort withTimeoutEvery(int n) {
        this.transientEvery = n;
        return this;
    }

    /** Slack limits each Web API method on its own: chat.postMessage (DMs and posts) and chat.update. */
    private void call(String method) throws DeliveryException {
        Instant now = clock.instant();
        if (now.isBefore(stoppedUntil.getOrDefault(method, Instant.MIN))) {
            ledger.callsDuringStop++;
        }
        if (rateLimitEvery > 0 && calls.incrementAndGet() % rateLimitEvery == 0) {
            ledger.rateLimited++;
            stoppedUntil.put(method, now.plus(RETRY_AFTER));
            throw DeliveryException.rateLimited(RETRY_AFTER);
        }
        if (transientEvery > 0 && calls.get() % transientEvery == 0) {
            ledger.timeouts++;
            throw DeliveryException.transientFailure("read timed out", null);
        }
        if (dieAfterSends > 0 && sends.get() >= dieAfterSends) {
            throw new Killed();
        }
    }

    @Override
    public MessageRef sendDirect(PersonId to, Message message) throws DeliveryException {
        call("chat.postMessage");
        sends.incrementAndGet();
        ledger.directs.computeIfAbsent(to.value(), k -> new AtomicInteger()).incrementAndGet();
        return new MessageRef("slack:D" + to.localPart().replace(":", "") + ":" + sends.get());
    }

    @Override
    public MessageRef post(ChannelId channel, Message message) throws DeliveryException {
        call("chat.postMessage");
        sends.incrementAndGet();
        synchronized (ledger) {
            ledger.posts.add(message.text());
        }
        return new MessageRef("slack:" + channel.localPart() + ":" + sends.get());
    }

    @Override
    public void postEphemeral(ChannelId channel, PersonId to, Message message) throws DeliveryException {
        call("chat.postEphemeral");
    }

    @Override
    public void update(MessageRef ref, Message message) throws DeliveryException {
        call("chat.update");
        synchronized (ledger) {
            ledger.updates.add(message.text());
        }
    }

    @Override
    public ChannelId createChannel(String name, List<PersonId> invite) {
        return ChannelId.of("slack", "T1", "C" + name);
    }

    @Override
    public void archiveChannel(ChannelId channel) {
    }

    @Override
    public Optional<Person> lookup(PersonId id) {
        return Optional.empty();
    }
}
