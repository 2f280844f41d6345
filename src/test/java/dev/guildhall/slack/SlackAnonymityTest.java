package dev.guildhall.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the router marks anonymous (like the coming /wait) leaves no trace of who sent it. */
class SlackAnonymityTest {
    private static final String SECRET_USER = "U0SECRET";

    /** A stand-in anonymous capability: a command and a button that must not know who used them. */
    private static final Capability HUSH = registry -> {
        registry.command(new CommandSpec("hush", "raise a hand anonymously", "/hush", request -> Reply.of(
                Message.text("✋ Raised, anonymously.").withButton(Button.of("hush.lower:1", "Lower it"))), true));
        registry.anonymousAction("hush.lower", request -> Reply.of("Lowered."));
        registry.command(new CommandSpec("crash", "fails inside", "/crash", request -> {
            throw new IllegalStateException("failed for " + request.caller().id());
        }, true));
    };

    @TempDir
    Path dir;
    SlackRig rig;
    ListAppender<ILoggingEvent> logs;
    Logger root;
    Level rootLevel;

    @BeforeEach
    void start() throws Exception {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        rig = SlackRig.start(dir, HUSH);
        rig.slack.user(SECRET_USER, "Secret Person", "Europe/Paris");
    }

    @AfterEach
    void stop() {
        rig.close();
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    @Test
    void anAnonymousCommandIsAnsweredButNobodyIsLookedUpStoredOrLogged() throws Exception {
        // When someone uses the anonymous command, then presses its anonymous button
        SlackRig.Answer answer = rig.form(SlackRequests.slashCommand(SECRET_USER, "secret", "/hush", null,
                "C0GENERAL", "general", rig.slack.responseUrl("hush")));
        rig.signed(SlackRequests.blockAction(SECRET_USER, "secret", "hush.lower:1", "C0GENERAL",
                rig.slack.responseUrl("lower"), SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");
        rig.slack.awaitCalls("response_url", 1);

        // Then they get their answers
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Raised, anonymously");
        assertThat(rig.slack.calls("response_url").get(0).param("text")).isEqualTo("Lowered.");
        // but nobody was looked up, nothing names them in the store, and no log line names them
        rig.adapter.close();
        assertThat(rig.slack.calls("users.info")).isEmpty();
        assertThat(rig.count("SELECT COUNT(*) FROM person")).isZero();
        assertThat(rig.count("SELECT COUNT(*) FROM handled_request WHERE request_key LIKE '%" + SECRET_USER
                + "%' OR reply LIKE '%" + SECRET_USER + "%'")).isZero();
        assertThat(logged()).noneMatch(event -> event.getFormattedMessage().contains(SECRET_USER));
    }

    @Test
    void anAnonymousPressInTheHomeTabIsAnsweredByDmWithoutTheBotNotingTheDmChannel() {
        // When someone presses an anonymous button in their Home tab, twice
        rig.signed(SlackRequests.homeBlockAction(SECRET_USER, "secret", "hush.lower:1", SlackRequests.newTriggerId()),
                "application/x-www-form-urlencoded");
        rig.slack.awaitCalls("chat.postMessage", 1);
        rig.signed(SlackRequests.homeBlockAction(SECRET_USER, "secret", "hush.lower:1", SlackRequests.newTriggerId()),
                "application/x-www-form-urlencoded");
        rig.slack.awaitCalls("chat.postMessage", 2);

        // Then each reply reached their DM, and the DM channel was looked up afresh each time (nothing kept)
        rig.adapter.close();
        assertThat(rig.slack.calls("chat.postMessage")).extracting(call -> call.param("text"))
                .containsExactly("Lowered.", "Lowered.");
        assertThat(rig.slack.calls("conversations.open")).hasSize(2);
        assertThat(rig.slack.calls("users.info")).isEmpty();
        assertThat(rig.count("SELECT COUNT(*) FROM person")).isZero();
    }

    @Test
    void anAnonymousCommandThatFailsIsLoggedWithoutItsCaller() {
        SlackRig.Answer answer = rig.form(SlackRequests.slashCommand(SECRET_USER, "secret", "/crash", "now",
                "C0GENERAL", "general", rig.slack.responseUrl("crash")));

        assertThat(answer.body()).contains("something went wrong on my side");
        assertThat(logged()).anyMatch(event -> event.getFormattedMessage().contains("anonymous request failed"));
        assertThat(logged()).noneMatch(event -> event.getFormattedMessage().contains(SECRET_USER)
                || (event.getThrowableProxy() != null && event.getThrowableProxy().getMessage() != null
                && event.getThrowableProxy().getMessage().contains(SECRET_USER)));
    }

    @Test
    void theSamePersonUsingANamedCommandIsLookedUpAsUsual() {
        rig.command(SECRET_USER, "secret", "/learn", "rust");

        rig.slack.awaitCalls("users.info", 1);
        assertThat(rig.count("SELECT COUNT(*) FROM person")).isEqualTo(1);
    }

    /** What was logged so far: a copy taken under the appender's own lock, since the server's threads still log. */
    private List<ILoggingEvent> logged() {
        synchronized (logs) {
            return List.copyOf(logs.list);
        }
    }
}
