package dev.guildhall.bot;

import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The bot's standard middleware, through its one entry point, with a stand-in capability. */
class InboundMiddlewareTest {
    private static final Person ALICE = Person.of(new PersonId("test:alice"), "Alice");

    @TempDir
    Path dir;
    Guildhall bot;
    final AtomicInteger counted = new AtomicInteger();
    final List<String> observed = new ArrayList<>();

    /** count: a visible effect; hush and its button: anonymous; refuse: bad input; boom: a failure of the bot's. */
    private Capability standIn() {
        return registry -> {
            registry.command(new CommandSpec("count", "counts", "/count", request -> {
                request.work().handle().execute("INSERT INTO handled_request (request_key, handled_at) VALUES (?, 0)",
                        "effect:" + counted.incrementAndGet());
                return Reply.of("counted " + counted.get());
            }));
            registry.command(new CommandSpec("hush", "anonymous", "/hush", request -> Reply.of("hushed"), true));
            registry.anonymousAction("hush.lower", request -> Reply.of("lowered"));
            registry.command(new CommandSpec("refuse", "refuses", "/refuse", request -> {
                throw new UsageException("Type /refuse properly.");
            }));
            registry.command(new CommandSpec("boom", "fails", "/boom", request -> {
                throw new IllegalStateException("broken");
            }));
        };
    }

    @BeforeEach
    void start() {
        bot = new Guildhall(Database.open(dir.resolve("bot.db").toString()),
                AdjustableClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z")), mock(ChatPort.class),
                List.of(standIn()));
        bot.observe((name, outcome, took) -> observed.add(name + " " + outcome));
    }

    @AfterEach
    void stop() {
        MDC.clear();
        bot.close();
    }

    private static Inbound.Typed command(String name) {
        return Inbound.of(new Command(ALICE, Optional.empty(), name, ""));
    }

    private int people() {
        return bot.database().read(h -> h.createQuery("SELECT COUNT(*) FROM person").mapTo(Integer.class).one());
    }

    @Test
    void aRetryWithTheSameRequestIdChangesNothingAndGetsTheFirstReply() {
        // Given a command handled once under a request id
        Handled first = bot.handle(command("count").withRequestId("test:r1"));

        // When the platform delivers it again
        Handled again = bot.handle(command("count").withRequestId("test:r1"));

        // Then the effect happened once and the retry got the first reply
        assertThat(counted).hasValue(1);
        assertThat(again.reply()).isEqualTo(first.reply()).isEqualTo(Reply.of("counted 1"));
        assertThat(again.outcome()).isEqualTo(RequestObserver.Outcome.OK);
    }

    @Test
    void anAnonymousCallerIsNeverRememberedNorTheirContactStored() {
        // Given anonymous requests that carry the adapter's way to reach the caller
        AtomicInteger contacts = new AtomicInteger();
        Inbound.CallerContact contact = contacts::incrementAndGet;

        // When the anonymous command and button are handled
        Handled typed = bot.handle(command("hush").withContact(contact));
        Handled pressed = bot.handle(Inbound.of(new ActionPress(ALICE, Optional.empty(), "hush.lower:1"))
                .withContact(contact));

        // Then nobody was recorded, the contact never ran, and the adapter is told not to identify the caller
        assertThat(typed.reply()).isEqualTo(Reply.of("hushed"));
        assertThat(pressed.reply()).isEqualTo(Reply.of("lowered"));
        assertThat(people()).isZero();
        assertThat(contacts).hasValue(0);
        assertThat(typed.callerMayBeIdentified()).isFalse();
        assertThat(pressed.callerMayBeIdentified()).isFalse();
    }

    @Test
    void aNamedCallerIsRememberedAndTheirContactStoredBeforeTheHandlerRuns() {
        AtomicInteger contacts = new AtomicInteger();

        Handled handled = bot.handle(command("count").withContact(() -> {
            // the handler has not run yet when the contact is stored
            assertThat(counted).hasValue(0);
            contacts.incrementAndGet();
        }));

        assertThat(handled.callerMayBeIdentified()).isTrue();
        assertThat(contacts).hasValue(1);
        assertThat(people()).isOne();
    }

    @Test
    void aFailureBecomesAReplyWhoseReferenceIsTheRequestIdOfTheLoggingContext() {
        // Given the request's id in the logging context
        MDC.put("request_id", "req-4711");

        // When the handler fails
        Handled handled = bot.handle(command("boom"));

        // Then the caller is told, with that id as the reference, and nothing was remembered
        assertThat(handled.reply().messages().get(0).text()).contains("something went wrong")
                .contains("(reference req-4711)");
        assertThat(handled.outcome()).isEqualTo(RequestObserver.Outcome.FAILED);
        assertThat(people()).as("rolled back").isZero();
    }

    @Test
    void withoutARequestIdTheReferenceIsGenerated() {
        Handled handled = bot.handle(command("boom"));

        assertThat(handled.reply().messages().get(0).text()).containsPattern("\\(reference [0-9a-f]{8}\\)\\.");
    }

    @Test
    void badInputGetsItsMessageChangesNothingAndIsNotRecordedAsHandled() {
        Handled handled = bot.handle(command("refuse").withRequestId("test:r2"));

        assertThat(handled.reply()).isEqualTo(Reply.of("Type /refuse properly."));
        assertThat(handled.outcome()).isEqualTo(RequestObserver.Outcome.REFUSED);
        assertThat(people()).isZero();
        int recorded = bot.database().read(h -> h.createQuery("SELECT COUNT(*) FROM handled_request")
                .mapTo(Integer.class).one());
        assertThat(recorded).isZero();
    }

    @Test
    void metricsSeeEveryRequestWithItsOutcome() {
        bot.handle(command("count"));
        bot.handle(command("refuse"));
        bot.handle(command("boom"));
        bot.handle(command("nothing-like-it"));

        assertThat(observed).containsExactly("/count OK", "/refuse REFUSED", "/boom FAILED", "unknown REFUSED");
    }
}
