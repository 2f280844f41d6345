package dev.guildhall.bot;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The bot's once-only entry points (for platforms that retry) and its home page. */
class GuildhallOnceTest {
    private static final Person ALICE = Person.of(new PersonId("test:alice"), "Alice");
    private static final Person BOB = Person.of(new PersonId("test:bob"), "Bob");

    @TempDir
    Path dir;
    AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z"));
    Guildhall bot;

    @BeforeEach
    void start() {
        bot = new Guildhall(Database.open(dir.resolve("bot.db").toString()), clock, mock(ChatPort.class),
                Wiring.capabilities(Config.from(Map.of())));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private int tickets() {
        return count("SELECT COUNT(*) FROM ticket");
    }

    private int count(String sql) {
        return bot.database().read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private List<String> strings(String sql) {
        return bot.database().read(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static Command learn(Person who, String text) {
        return new Command(who, Optional.empty(), "learn", text);
    }

    @Test
    void aRepeatedRequestKeyChangesNothingAndGetsTheFirstReply() {
        Reply first = bot.handle(Inbound.of(learn(BOB, "rust")).withRequestId("test:k1")).reply();
        Reply again = bot.handle(Inbound.of(learn(BOB, "rust")).withRequestId("test:k1")).reply();
        Reply other = bot.handle(Inbound.of(learn(BOB, "rust")).withRequestId("test:k2")).reply();

        assertThat(tickets()).isEqualTo(1);
        assertThat(again).isEqualTo(first);
        assertThat(other.messages().get(0).text()).contains("You already have ticket #1");
    }

    @Test
    void aRefusedRequestIsNotRecordedSoItsRetryIsJudgedAgain() {
        Reply refused = bot.handle(Inbound.of(learn(BOB, "")).withRequestId("test:k3")).reply();
        Reply retried = bot.handle(Inbound.of(learn(BOB, "")).withRequestId("test:k3")).reply();

        assertThat(refused.messages().get(0).text()).startsWith("What would you like to learn?");
        assertThat(retried).isEqualTo(refused);
        assertThat(count("SELECT COUNT(*) FROM handled_request")).isZero();
    }

    @Test
    void keysAreForgottenAfterADayByTheTick() {
        bot.handle(Inbound.of(learn(BOB, "rust")).withRequestId("test:old")).reply();
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        bot.firstTime("test:new");
        assertThat(strings("SELECT request_key FROM handled_request")).contains("test:old");

        bot.runDueTasks();

        assertThat(strings("SELECT request_key FROM handled_request")).containsExactly("test:new");
    }

    @Test
    void firstTimeIsTrueOnce() {
        assertThat(bot.firstTime("test:event")).isTrue();
        assertThat(bot.firstTime("test:event")).isFalse();
    }

    @Test
    void theHomePageShowsProposalsWithButtonsTicketsAndTopics() {
        bot.handle(Inbound.of(new Command(ALICE, Optional.empty(), "teach", "kubernetes"))).reply();
        bot.handle(Inbound.of(learn(BOB, "k8s"))).reply();
        bot.handle(Inbound.of(learn(BOB, "rust"))).reply();

        List<Message> alices = bot.home(ALICE.id());
        List<Message> bobs = bot.home(BOB.id());

        assertThat(alices).extracting(Message::text)
                .anyMatch(text -> text.contains("Can you teach *kubernetes* to Bob"))
                .anyMatch(text -> text.contains("What you teach"));
        assertThat(alices).flatExtracting(Message::buttons).extracting(Message.Button::actionId)
                .contains("mentorship.accept:1", "mentorship.decline:1");
        assertThat(bobs).flatExtracting(Message::fields).extracting(Message.Field::label)
                .contains("#1 kubernetes", "#2 rust");
        assertThat(bot.home(new PersonId("test:newcomer"))).extracting(Message::text)
                .anyMatch(text -> text.startsWith("Nothing here yet"));
    }

    @Test
    void rememberStoresWhatThePlatformReports() {
        bot.handle(Inbound.of(new dev.guildhall.core.Command(ALICE, Optional.empty(), "guildhall", "about"))).reply();
        bot.remember(new Person(ALICE.id(), "Alice Liddell", Optional.of(java.time.ZoneId.of("Europe/Berlin"))));

        // Not waited for: it commits with the next write, or on its own a moment later
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(strings("SELECT display_name || ' ' || time_zone FROM person"))
                        .containsExactly("Alice Liddell Europe/Berlin"));
    }

    @Test
    void rememberDoesNotBringBackSomeoneNeverMetOrForgotten() {
        // A platform lookup that lands after a forget-me (or for someone who never used a command) stores nothing
        bot.remember(new Person(ALICE.id(), "Alice Liddell", Optional.empty()));
        bot.firstTime("a later write, committed after the lookup's");

        assertThat(strings("SELECT display_name FROM person")).isEmpty();
    }
}
