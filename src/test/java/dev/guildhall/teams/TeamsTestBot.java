package dev.guildhall.teams;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.command.Capability;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.RoutingChatPort;
import dev.guildhall.store.Database;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The whole bot with every capability behind the Teams adapter, its replies captured by a {@link FakeConnector}. */
final class TeamsTestBot implements AutoCloseable {
    final FakeConnector connector;
    final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-03-02T09:00:00Z"));
    final TeamsAdapter teams;
    final Guildhall guildhall;

    TeamsTestBot(Path dir, TeamsConfig config, List<Capability> extra) throws Exception {
        connector = new FakeConnector();
        Database database = Database.open(dir.resolve("g.db").toString());
        teams = new TeamsAdapter(config, database, clock);
        guildhall = new Guildhall(database, clock, new RoutingChatPort(Map.of("teams", teams.chatPort())),
                Stream.concat(Wiring.capabilities(Config.from(Map.of())).stream(), extra.stream()).toList());
    }

    /** One activity into {@code /api/messages}, then whatever the outbox and timers have due. */
    TeamsAdapter.Response post(String activity) {
        TeamsAdapter.Response response = teams.handle(guildhall, null, activity);
        guildhall.runDue();
        return response;
    }

    @Override
    public void close() {
        guildhall.close();
        connector.close();
    }
}
