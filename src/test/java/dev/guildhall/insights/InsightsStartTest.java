package dev.guildhall.insights;

import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;
import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.guildhall.testing.BotExtension.id;
import static org.assertj.core.api.Assertions.assertThat;

/** The daily round and the digests start with the bot, not with the first look at insights, and never twice. */
class InsightsStartTest {
    private static final String WAITING_ROUNDS = "scheduled_task WHERE kind = 'insights.daily' AND done_at IS NULL";

    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot();

    @Test
    void startingTheBotSchedulesTheDailyRoundOnceAcrossTwoStarts() {
        // Given a bot that started (the extension starts it, like serve, socket and the console do)
        assertThat(t.count(WAITING_ROUNDS)).isOne();

        // When it starts again on the same database, and a second bot starts beside it
        t.restart();
        t.replica().start();

        // Then one link of the round waits, as before
        assertThat(t.count(WAITING_ROUNDS)).isOne();
    }

    @Test
    void theDatabaseRefusesASecondWaitingLinkSoReplicasStartingTogetherCannotDoubleTheRound() {
        // When a start that did not see the waiting link (another replica's, not yet committed) schedules anyway
        boolean scheduled = t.database().inTransaction(h -> new DueTasks(new UnitOfWork(h, t.clock.instant()))
                .scheduleUnlessWaiting(DailyRound.TASK, 0, t.clock.instant().plus(DailyRound.EVERY)));

        // Then the unique index turned it into nothing
        assertThat(scheduled).isFalse();
        assertThat(t.count(WAITING_ROUNDS)).isOne();
    }

    @Test
    void withoutAnyoneAskingForInsightsTheWaitingAreToldAndLeadsGetTheirDigest() {
        // Given a guild with a lead, and a learner nobody teaches; nobody ever asks for insights
        t.say("alice", "/guild create data \"Data guild\"");
        t.say("erin", "/learn rust");

        // When the bot restarts (which signs the lead up for the digest) and eight days pass
        t.restart();
        for (int day = 0; day < 8; day++) {
            t.advance(Duration.ofDays(1));
        }

        // Then erin was told once that she is not forgotten, and alice got her Monday digest
        assertThat(t.chat.directTo(id("erin"))).filteredOn(s -> s.mentions("You're not forgotten")).hasSize(1);
        assertThat(t.chat.directTo(id("alice")))
                .filteredOn(s -> s.message().text().startsWith("📬 Weekly insights")).hasSize(1);
        assertThat(t.count(WAITING_ROUNDS)).isOne();
    }
}
