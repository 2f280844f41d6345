package dev.guildhall.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a session started without --threshold nudges its presenter when 10 % of the channel are lost, the
 * channel's size being what Slack's conversations.info reports (include_num_members) after the command committed.
 */
class SlackSessionThresholdTest {
    private static final String PRESENTER = "U0ALICE";
    private static final String CHANNEL = "C0ALLHANDS";
    private static final String NUDGES = "SELECT COUNT(*) FROM outbox WHERE kind = 'DIRECT' AND payload LIKE '%✋ WAIT%'";

    @TempDir
    Path dir;
    SlackRig rig;
    final AtomicInteger hooks = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
        rig.slack.user(PRESENTER, "Alice Presenter", "Europe/Paris");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private String type(String user, String command, String text) {
        return rig.form(SlackRequests.slashCommand(user, user.toLowerCase(), command, text, CHANNEL, "all-hands",
                rig.slack.responseUrl("hook" + hooks.incrementAndGet()))).body();
    }

    /** Waits (bounded) for the outbox to ask Slack, then runs the follow-up like the ticker does. */
    private void memberCountSettles() {
        assertThat(rig.awaitCount("SELECT COUNT(*) FROM outbox WHERE kind = 'MEMBER_COUNT' AND status = 'DELIVERED'",
                1)).isEqualTo(1);
        rig.bot.runDueTasks();
        assertThat(rig.count("SELECT COUNT(*) FROM scheduled_task WHERE kind = 'livesession.channel-members'"
                + " AND done_at IS NOT NULL")).isEqualTo(1);
    }

    private void lost(int trainee) {
        assertThat(type("U0TRAINEE" + trainee, "/wait", null)).contains("Your flag is up");
    }

    @Test
    void aFortyPersonChannelNudgesAtTheFourthFlagNotBefore() {
        // Given a channel Slack says has 40 members, and a session started there without --threshold
        rig.slack.channelMembers(CHANNEL, 40);
        assertThat(type(PRESENTER, "/session", "start \"VPC peering\"")).contains("10 % of the channel");

        // When Slack has answered conversations.info (after the commit, asked for the member count) and the tick
        // has read the answer
        assertThat(rig.slack.awaitCalls("conversations.info", 1).get(0).param("include_num_members")).isIn("true", "1");
        memberCountSettles();
        assertThat(rig.count("SELECT threshold FROM live_session")).isEqualTo(4);

        // Then three lost people do not nudge the presenter, the fourth does
        lost(1);
        lost(2);
        lost(3);
        assertThat(rig.count(NUDGES)).isZero();
        lost(4);
        assertThat(rig.count(NUDGES)).isEqualTo(1);
        rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && call.param("channel").equals("D" + PRESENTER)
                && String.valueOf(call.param("text")).contains("4 people are lost"), 1, "the nudge");
        // And the presenter's board tells the number
        rig.slack.awaitCalls(call -> call.method().equals("chat.update")
                && String.valueOf(call.param("blocks")).contains("nudge at 4"), 1, "the board with the threshold");
    }

    @Test
    void whenSlackCannotTellTwoLostPeopleNudgeAndThePresenterSeesNoError() {
        // Given Slack refuses conversations.info (the app was not reinstalled with the new scopes)
        rig.slack.channelMembers(CHANNEL, 40);
        rig.slack.failNextWithNeeded("conversations.info", "missing_scope", "channels:read");
        assertThat(type(PRESENTER, "/session", "start \"VPC peering\"")).contains("VPC peering");
        rig.slack.awaitCalls("conversations.info", 1);
        memberCountSettles();

        // When two people are lost
        lost(1);
        assertThat(rig.count(NUDGES)).isZero();
        lost(2);

        // Then the default of 2 applied, and no message to anyone mentions the refusal
        assertThat(rig.count("SELECT threshold FROM live_session")).isEqualTo(2);
        assertThat(rig.count(NUDGES)).isEqualTo(1);
        assertThat(rig.count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%missing_scope%'"
                + " OR payload LIKE '%channels:read%'")).isZero();
        assertThat(rig.count("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'")).isZero();
    }

    @Test
    void aChosenThresholdWinsAndSlackIsNotAsked() {
        // Given a 40-member channel and a session started with --threshold 3
        rig.slack.channelMembers(CHANNEL, 40);
        assertThat(type(PRESENTER, "/session", "start \"VPC peering\" --threshold 3"))
                .contains("You get a WAIT nudge when 3 are lost at once");

        // When three people are lost
        lost(1);
        lost(2);
        assertThat(rig.count(NUDGES)).isZero();
        lost(3);

        // Then the third nudges, and Slack was never asked for the channel's size
        assertThat(rig.count(NUDGES)).isEqualTo(1);
        assertThat(rig.count("SELECT COUNT(*) FROM outbox WHERE kind = 'MEMBER_COUNT'")).isZero();
        assertThat(rig.slack.calls("conversations.info")).isEmpty();
    }
}
