package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.RoutingChatPort;
import dev.guildhall.store.Database;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Socket Mode: Bolt's client asks apps.connections.open where to connect, and takes work over that WebSocket. */
class SlackSocketModeTest {
    @TempDir
    Path dir;

    FakeSlack slack;
    LocalSocketMode socket;
    SlackAdapter adapter;
    Guildhall bot;

    /** Plays Slack's side of the WebSocket: says hello, sends envelopes, collects the acks. */
    static final class LocalSocketMode extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(1);
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        volatile WebSocket connection;

        LocalSocketMode() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connection = conn;
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"local\"},"
                    + "\"connection_info\":{\"app_id\":\"A0GUILDHALL\"}}");
            connected.countDown();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        JsonNode ackFor(String envelopeId) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String message = received.poll(100, TimeUnit.MILLISECONDS);
                if (message != null) {
                    JsonNode json = FakeSlack.JSON.readTree(message);
                    if (envelopeId.equals(json.path("envelope_id").asText())) {
                        return json;
                    }
                }
            }
            throw new AssertionError("no ack for " + envelopeId);
        }
    }

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlack.start();
        socket = new LocalSocketMode();
        socket.start();
        assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
        slack.socketModeUrl("ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=local");
        AdjustableClock clock = AdjustableClock.system();
        adapter = SlackAdapter.create(SlackSettings.from(Map.of(SlackSettings.BOT_TOKEN, "xoxb-test",
                SlackSettings.APP_TOKEN, "xapp-1-test", SlackSettings.API_URL, slack.apiUrl())));
        bot = new Guildhall(Database.open(dir.resolve("bot.db").toString()), clock,
                new RoutingChatPort(Map.of(SlackAdapter.PLATFORM, adapter.port())),
                Wiring.capabilities(Config.from(Map.of())));
        adapter.attach(bot, clock);
        bot.startDelivery();
        adapter.startSocketMode();
        assertThat(socket.connected.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        bot.close();
        socket.stop(1000);
        slack.close();
    }

    private static ObjectNode slashCommand(String userId, String command, String text) {
        ObjectNode payload = FakeSlack.JSON.createObjectNode();
        SlackRequests.slashCommand(userId, userId.toLowerCase(), command, text, "C0GENERAL", "general",
                "https://hooks.slack.com/commands/T0TEST/1/x").forEach(payload::put);
        return payload;
    }

    private void send(String envelopeId, String type, JsonNode payload) {
        ObjectNode envelope = FakeSlack.JSON.createObjectNode();
        envelope.put("envelope_id", envelopeId).put("type", type).put("accepts_response_payload", true);
        envelope.set("payload", payload);
        socket.connection.send(envelope.toString());
    }

    @Test
    void connectsWhereAppsConnectionsOpenSaysWithTheAppToken() {
        FakeSlack.Call open = slack.calls("apps.connections.open").get(0);
        assertThat(open.authorization()).isEqualTo("Bearer xapp-1-test");
    }

    @Test
    void slashCommandsAreAckedOverTheSocketWithTheReplyAndDmsFollow() throws Exception {
        // When alice offers kubernetes and bob asks for k8s, over the socket
        send("env-teach", "slash_commands", slashCommand("U0ALICE", "/teach", "kubernetes"));
        JsonNode teach = socket.ackFor("env-teach");
        send("env-learn", "slash_commands", slashCommand("U0BOB", "/learn", "k8s"));
        JsonNode learn = socket.ackFor("env-learn");

        // Then each envelope is acked with the caller's reply in its payload
        assertThat(teach.get("payload").get("text").asText()).contains("You now teach *kubernetes*");
        assertThat(learn.get("payload").get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(learn.get("payload").toString()).contains("found a teacher");
        // and both are DMed through the Web API
        slack.awaitCalls(call -> call.method().equals("chat.postMessage"), 2, "chat.postMessage");
        assertThat(slack.calls("chat.postMessage")).extracting(call -> call.param("channel"))
                .contains("DU0ALICE", "DU0BOB");
    }

    @Test
    void homeTabEventsArriveOverTheSocketToo() throws Exception {
        send("env-home", "events_api", FakeSlack.JSON.readTree(SlackRequests.appHomeOpened("U0ALICE", "Ev0SOCK")));

        socket.ackFor("env-home");
        assertThat(slack.awaitCalls("views.publish", 1).get(0).param("user_id")).isEqualTo("U0ALICE");
    }

    @Test
    void aCommandWithoutUserIdIsRefusedOverTheSocketTooAndItsLogLineCarriesARequestId() throws Exception {
        // Given the identity check's log
        ch.qos.logback.classic.Logger checkLog = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(GuardedApp.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        checkLog.addAppender(lines);
        try {
            int people = people();
            ObjectNode command = slashCommand("U0NOBODY", "/learn", "kubernetes");
            command.remove("user_id");
            // When it arrives over Socket Mode
            send("env-nouser", "slash_commands", command);
            // Then the refusal is logged with the request id of that envelope (Bolt leaves a refused envelope
            // unacked), and nobody is created
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !lines.list.isEmpty());
            assertThat(people()).isEqualTo(people);
            assertThat(lines.list.get(0).getFormattedMessage()).contains("user_id");
            assertThat(lines.list.get(0).getMDCPropertyMap().get(dev.guildhall.http.RequestIds.KEY))
                    .matches("[0-9a-z]{12}");
        } finally {
            checkLog.detachAppender(lines);
        }
    }

    private int people() {
        Integer count = bot.database().read(h -> h.createQuery("SELECT COUNT(*) FROM person").mapTo(Integer.class)
                .one());
        return count;
    }
}
