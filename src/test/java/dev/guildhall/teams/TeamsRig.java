package dev.guildhall.teams;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.RoutingChatPort;
import dev.guildhall.store.Database;

import com.azure.core.credential.AccessToken;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Teams adapter in this JVM on a SQLite file in dev mode, replies captured by a {@link FakeConnector}. */
final class TeamsRig implements AutoCloseable {
    static final String GRAPH_TOKEN = "graph-token-for-tests";
    private static final TeamsConfig DEV = new TeamsConfig("", "", Optional.empty(), true);

    final FakeConnector connector;
    final Database database;
    final TeamsAdapter teams;
    final Guildhall guildhall;
    final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-03-02T09:00:00Z"));

    TeamsRig(Path dir) throws IOException {
        this(dir, Optional.empty());
    }

    /** With Microsoft Graph at a {@link FakeGraph}, signed in with a made-up token ({@link #GRAPH_TOKEN}). */
    TeamsRig(Path dir, FakeGraph graph, boolean tenantWide) throws IOException {
        this(dir, Optional.of(new TeamsGraph(new GraphConfig(graph.baseUrl(), tenantWide), tenant -> request ->
                Mono.just(new AccessToken(GRAPH_TOKEN, OffsetDateTime.now().plusHours(1))))));
    }

    private TeamsRig(Path dir, Optional<TeamsGraph> graph) throws IOException {
        connector = new FakeConnector();
        database = Database.open(dir.resolve("g.db").toString());
        teams = new TeamsAdapter(DEV, database, clock, graph);
        guildhall = new Guildhall(database, clock, new RoutingChatPort(Map.of("teams", teams.chatPort())),
                Wiring.capabilities(Config.from(Map.of())));
    }

    /** Posts an activity as Teams would, then runs what became due (the outbox). */
    void post(String activity) {
        assertThat(teams.handle(guildhall, null, activity).status()).isIn(200, 202);
        guildhall.runDue();
    }

    /** Moves the clock and runs what fell due (timed tasks, then the outbox). */
    void advance(java.time.Duration by) {
        clock.advance(by);
        guildhall.runDue();
    }

    void sayInChannel(String user, String text) {
        post(Activities.channelMention(connector.serviceUrl(), user, text));
    }

    @Override
    public void close() {
        guildhall.close();
        connector.close();
    }
}
