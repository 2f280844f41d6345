package dev.guildhall.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's Slack acceptance: {@code /wg create} over real HTTP, the channel made through conversations.create and
 * conversations.invite on the fake Web API after the ack, a taken name numbered, a missing scope reported to the
 * owner with nothing left half-made. The test plays Quartz's part and runs due tasks itself.
 */
class SlackWorkingGroupTest {
    private static final String CREATE = "create vpc --guild platform \"Get everyone comfortable with VPC peering\"";

    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
        rig.slack.user("U0ALICE", "Alice", "Europe/Berlin");
        rig.command("U0ALICE", "alice", "/guild", "create platform \"Platform guild\"");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** Waits (bounded) for the outbox to settle the channel operation, then runs the follow-up like the ticker does. */
    private void channelSettles() {
        assertThat(rig.awaitCount("SELECT COUNT(*) FROM outbox WHERE kind = 'CHANNEL'"
                + " AND status IN ('DELIVERED', 'FAILED')", 1)).isEqualTo(1);
        rig.bot.runDueTasks();
    }

    private List<FakeSlack.Call> directMessagesToAlice(String containing) {
        return rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && "DU0ALICE".equals(call.param("channel")) && call.param("text").contains(containing), 1,
                "a DM to alice saying " + containing);
    }

    @Test
    void createAcksAtOnceThenCreatesTheChannelAndInvitesTheOwner() {
        SlackRig.Answer ack = rig.command("U0ALICE", "alice", "/wg", CREATE);

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(ack.body()).contains("Setting up working group *vpc*");
        channelSettles();

        FakeSlack.Call create = rig.slack.calls("conversations.create").get(0);
        assertThat(create.param("name")).isEqualTo("wg-vpc");
        assertThat(create.param("is_private")).isIn("false", "0");
        FakeSlack.Call invite = rig.slack.calls("conversations.invite").get(0);
        assertThat(invite.param("users")).isEqualTo("U0ALICE");
        String channel = invite.param("channel");
        assertThat(rig.text("SELECT status || ' ' || channel_id FROM working_group WHERE slug = 'vpc'"))
                .isEqualTo("ACTIVE slack:T0TEST:" + channel);
        assertThat(directMessagesToAlice("is ready").get(0).param("text")).contains("<#" + channel + ">");
        // and the new channel is told what it is for
        rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage") && channel.equals(call.param("channel")),
                1, "the welcome in the new channel");
    }

    @Test
    void aTakenNameIsNumbered() {
        rig.slack.existingChannel("wg-vpc");

        rig.command("U0ALICE", "alice", "/wg", CREATE);
        channelSettles();

        assertThat(rig.slack.calls("conversations.create")).extracting(call -> call.param("name"))
                .containsExactly("wg-vpc", "wg-vpc-2");
        assertThat(rig.slack.calls("conversations.invite")).hasSize(1);
        assertThat(rig.text("SELECT status FROM working_group WHERE slug = 'vpc'")).isEqualTo("ACTIVE");
        assertThat(directMessagesToAlice("is ready")).isNotEmpty();
    }

    @Test
    void aMissingScopeTellsTheOwnerWhichScopeTheAdminMustAddAndKeepsNothing() {
        rig.slack.failNextWithNeeded("conversations.create", "missing_scope", "channels:manage");

        SlackRig.Answer ack = rig.command("U0ALICE", "alice", "/wg", CREATE);
        assertThat(ack.status()).isEqualTo(200);
        channelSettles();

        String told = directMessagesToAlice("couldn't create a channel").get(0).param("text");
        assertThat(told).contains("missing_scope").contains("channels:manage").contains("An admin must add it")
                .contains("nothing is half-made");
        assertThat(rig.count("SELECT COUNT(*) FROM working_group")).isZero();
        assertThat(rig.count("SELECT COUNT(*) FROM wg_member")).isZero();
        assertThat(rig.slack.calls("conversations.invite")).isEmpty();
        // and the name is free again: once the admin has added the scope, the same command works
        rig.command("U0ALICE", "alice", "/wg", CREATE);
        assertThat(rig.awaitCount("SELECT COUNT(*) FROM outbox WHERE kind = 'CHANNEL' AND status = 'DELIVERED'", 1))
                .isEqualTo(1);
        rig.bot.runDueTasks();
        assertThat(rig.text("SELECT status FROM working_group WHERE slug = 'vpc'")).isEqualTo("ACTIVE");
    }

    @Test
    void closeArchivesTheChannelThroughConversationsArchive() {
        rig.command("U0ALICE", "alice", "/wg", CREATE);
        channelSettles();
        String channel = rig.slack.calls("conversations.invite").get(0).param("channel");

        SlackRig.Answer ack = rig.command("U0ALICE", "alice", "/wg", "close vpc \"Done: runbook in the wiki\"");

        assertThat(ack.body()).contains("Closed *vpc*");
        assertThat(rig.slack.awaitCalls("conversations.archive", 1).get(0).param("channel")).isEqualTo(channel);
        assertThat(rig.text("SELECT status FROM working_group WHERE slug = 'vpc'")).isEqualTo("CLOSED");
    }
}
