package dev.guildhall.slack;

import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replicas on one PostgreSQL database share one send pace per workspace and method (issue 19): together they
 * stay under the limit Slack enforces, where each pacing alone would send three times the allowed rate.
 */
class SharedPacePostgresIT {
    /** Each replica's pace: 15 messages a second in the workspace, under the 20 the fake Slack allows. */
    private static final String PACE = "slack=1000/1s,15/1s";
    private static final int MEMBERS = 300;

    Postgres postgres;
    FakeSlack slack;
    List<Replica> replicas;

    @BeforeEach
    void start() {
        postgres = new Postgres();
        slack = FakeSlack.start();
        // Real clocks: the pace refills with time passing, as in production
        replicas = List.of(new Replica(postgres, slack, AdjustableClock.system(), PACE),
                new Replica(postgres, slack, AdjustableClock.system(), PACE),
                new Replica(postgres, slack, AdjustableClock.system(), PACE));
    }

    @AfterEach
    void stop() {
        replicas.forEach(Replica::close);
        slack.close();
        postgres.close();
    }

    @Test
    void threeReplicasDeliveringOneAnnouncementCollectFewerThanOnePercent429s() {
        // Given a Slack allowing 20 chat.postMessage a second in the workspace (429, retry after 1 s, past that),
        // a guild of 300 members, and all three replicas' dispatchers running
        slack.enforceLimit("chat.postMessage", 20, 1);
        Replica a = replicas.get(0);
        a.guildOf(MEMBERS);
        replicas.forEach(replica -> replica.bot.startDelivery());

        // When the lead announces through one of them
        long started = System.nanoTime();
        assertThat(a.say("ULEAD", "lea", "/guild announce platform Slides are in the wiki")).contains("300");
        ReplicasPostgresIT.await(() -> a.count("SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')")
                == 0, "the outbox to drain");
        long millis = (System.nanoTime() - started) / 1_000_000;

        // Then every member got it once, the replicas shared the sends, and under 1 % of the calls were refused
        Map<String, Long> perMember = Replica.directMessages(slack, "Slides are in the wiki");
        assertThat(perMember).hasSize(MEMBERS);
        assertThat(perMember.values()).allMatch(count -> count == 1);
        List<String> senders = a.bot.database().read(h -> h.createQuery(
                "SELECT DISTINCT claimed_by FROM outbox WHERE batch_id IS NOT NULL").mapTo(String.class).list());
        int calls = slack.calls("chat.postMessage").size();
        int refused = calls - slack.accepted("chat.postMessage").size();
        System.out.printf("[shared pace] 3 replicas, %d DMs at a shared 15/s under Slack's 20/s: %d ms, %d calls,"
                + " %d answered 429 (%.2f %%), sent by %d replicas%n", MEMBERS, millis, calls, refused,
                100.0 * refused / calls, senders.size());
        assertThat(senders).as("replicas that sent").hasSizeGreaterThan(1);
        assertThat(100.0 * refused / calls).as("429s in %% of %d calls", calls).isLessThan(1.0);
    }
}
