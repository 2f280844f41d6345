package dev.guildhall.bot;

import dev.guildhall.core.Message;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;
import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tick purges what is past the retention and nothing a feature still refers to (issue 19). */
class RetentionTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().withEnv(Map.of("GUILDHALL_RETENTION", "1h"));

    @BeforeEach
    void open() {
    }

    @Test
    void deliveredMessagesFinishedTasksAndOldRequestKeysGoWhatIsStillReferredToStays() {
        // Given a proposal (its DM is updated in place when the teacher answers), a plain delivered DM, a message
        // with an update still waiting, a cancelled and a waiting task, and a handled request key
        t.say("bob", "/teach rust");
        t.say("alice", "/learn rust");
        long plain = write(o -> o.sendDirect(BotExtension.id("carol"), Message.text("hello")));
        long original = write(o -> o.sendDirect(BotExtension.id("dave"), Message.text("v1")));
        t.bot().runDue();
        t.bot().database().inTransaction(h -> {
            UnitOfWork work = new UnitOfWork(h, t.clock.instant());
            new DueTasks(work).schedule("test.cancelled", 1, t.clock.instant().plus(Duration.ofDays(1)));
            new DueTasks(work).cancel("test.cancelled", 1);
            new DueTasks(work).schedule("test.waiting", 2, t.clock.instant().plus(Duration.ofDays(30)));
            return null;
        });
        t.bot().firstTime("test:key");
        List<Long> proposals = ids("SELECT proposal_message_id FROM mentorship_match");
        assertThat(proposals).hasSize(1).doesNotContainNull();

        // When the tick runs within the retention, nothing goes
        t.advance(Duration.ofMinutes(59));
        assertThat(ids("SELECT id FROM outbox")).contains(plain, original, proposals.get(0));
        assertThat(strings("SELECT kind FROM scheduled_task")).contains("test.cancelled");

        // When an update of the original is waiting (far off), and the tick runs past the retention
        long update = write(o -> o.update(original, Message.text("v2")));
        t.bot().database().inTransaction(h -> h.createUpdate(
                "UPDATE outbox SET next_attempt_at = :later WHERE id = :id")
                .bind("later", t.clock.instant().plus(Duration.ofDays(30))).bind("id", update).execute());
        t.advance(Duration.ofMinutes(62));

        // Then the plain DM, the cancelled task and the key are gone; the proposal, the original its waiting
        // update follows, the update and the waiting task stay
        assertThat(ids("SELECT id FROM outbox")).doesNotContain(plain)
                .contains(original, update, proposals.get(0));
        assertThat(strings("SELECT kind FROM scheduled_task")).doesNotContain("test.cancelled").contains("test.waiting");
        assertThat(strings("SELECT request_key FROM handled_request")).doesNotContain("test:key");
    }

    private long write(java.util.function.Function<Outbox, Long> write) {
        return t.bot().database().inTransaction(h -> write.apply(new Outbox(new UnitOfWork(h, t.clock.instant()))));
    }

    private List<Long> ids(String sql) {
        return t.bot().database().read(h -> h.createQuery(sql).mapTo(Long.class).list());
    }

    private List<String> strings(String sql) {
        return t.bot().database().read(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
