package dev.guildhall.command;

import dev.guildhall.core.ActionPress;
import dev.guildhall.core.Command;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class CommandRouterTest {
    private final Person alice = Person.of(PersonId.of("console", "alice"), "alice");
    private final UnitOfWork work = new UnitOfWork(null, Instant.EPOCH);
    private final CommandRouter router = new CommandRouter();

    private Command command(String name, String text) {
        return new Command(alice, Optional.empty(), name, text);
    }

    @Test
    void routesByNameCaseInsensitivelyWithTheParsedArguments() {
        AtomicReference<Args> seen = new AtomicReference<>();
        router.command(new CommandSpec("learn", "s", "usage", request -> {
            seen.set(request.args());
            return Reply.of("ok");
        }));
        assertThat(router.route(command("/LEARN", "\"machine learning\" now"), work).messages().get(0).text())
                .isEqualTo("ok");
        assertThat(seen.get().get(0)).isEqualTo("machine learning");
    }

    @Test
    void helpAnswersTheUsageWithoutCallingTheHandler() {
        CommandHandler handler = mock(CommandHandler.class);
        router.command(new CommandSpec("teach", "s", "/teach <topic>", handler));
        assertThat(router.route(command("teach", "HELP"), work).messages().get(0).text()).isEqualTo("/teach <topic>");
        verifyNoInteractions(handler);
    }

    @Test
    void anUnknownCommandListsTheKnownOnes() {
        router.command(new CommandSpec("learn", "s", "u", r -> Reply.none()));
        router.command(new CommandSpec("teach", "s", "u", r -> Reply.none()));
        assertThatThrownBy(() -> router.route(command("frob", ""), work))
                .isInstanceOf(UsageException.class).hasMessageContaining("I don't know /frob")
                .hasMessageContaining("/learn, /teach");
    }

    @Test
    void overlongTextIsRefusedBeforeTheHandler() {
        CommandHandler handler = mock(CommandHandler.class);
        router.command(new CommandSpec("learn", "s", "u", handler));
        assertThatThrownBy(() -> router.route(command("learn", "x".repeat(10_000)), work))
                .isInstanceOf(UsageException.class).hasMessageContaining("too long");
        verifyNoInteractions(handler);
    }

    @Test
    void buttonsRouteByTheNameBeforeTheColon() {
        router.action("mentorship.accept", request -> Reply.of("accepted " + request.idArgument()));
        ActionPress press = new ActionPress(alice, Optional.empty(), "mentorship.accept:42");
        assertThat(router.press(press, work).messages().get(0).text()).isEqualTo("accepted 42");
        assertThatThrownBy(() -> router.press(new ActionPress(alice, Optional.empty(), "mentorship.accept:x"), work))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> router.press(new ActionPress(alice, Optional.empty(), "nothing:1"), work))
                .isInstanceOf(UsageException.class).hasMessageContaining("not one I recognise");
    }

    @Test
    void anonymityIsKnownPerCommandAndPerButton() {
        router.command(new CommandSpec("wait", "s", "u", r -> Reply.none(), true));
        router.command(new CommandSpec("learn", "s", "u", r -> Reply.none()));
        router.anonymousAction("session.flag", r -> Reply.none());
        assertThat(router.isAnonymous(command("wait", ""))).isTrue();
        assertThat(router.isAnonymous(command("learn", ""))).isFalse();
        assertThat(router.isAnonymous(new ActionPress(alice, Optional.empty(), "session.flag:3"))).isTrue();
    }

    @Test
    void registeringTwiceIsAProgrammingError() {
        router.command(new CommandSpec("learn", "s", "u", r -> Reply.none()));
        assertThatThrownBy(() -> router.command(new CommandSpec("learn", "s", "u", r -> Reply.none())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nearMissCatchesOneEditOrSwap() {
        assertThat(NearMiss.of("bord", java.util.Set.of("board"))).contains("board");
        assertThat(NearMiss.of("lsit", java.util.Set.of("list"))).contains("list");
        assertThat(NearMiss.of("kafka", java.util.Set.of("board", "list"))).isEmpty();
        assertThat(NearMiss.of("go", java.util.Set.of("do"))).isEmpty();
    }
}
