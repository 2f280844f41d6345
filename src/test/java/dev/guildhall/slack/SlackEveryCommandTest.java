package dev.guildhall.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands the other capabilities added, each through the real /slack/events: a happy path apiece. */
class SlackEveryCommandTest {
    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private SlackRig.Answer inChannel(String userId, String userName, String command, String text) {
        return rig.form(SlackRequests.slashCommand(userId, userName, command, text, "C0VPC", "vpc",
                rig.slack.responseUrl(userId)));
    }

    @Test
    void guildSessionAndWaitWorkThroughSlack() {
        SlackRig.Answer created = inChannel("U0ALICE", "alice", "/guild", "create vpc \"VPC guild\" here");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("Created");
        assertThat(inChannel("U0BOB", "bob", "/guild", "join vpc").body()).contains("VPC guild");

        SlackRig.Answer started = inChannel("U0ALICE", "alice", "/session", "start \"Peering\"");
        assertThat(started.status()).isEqualTo(200);
        rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage") && "C0VPC".equals(call.param("channel"))
                && String.valueOf(call.param("text")).contains("Lost?"), 1, "the session's invitation in #vpc");

        SlackRig.Answer waited = inChannel("U0CAROL", "carol", "/wait", "");
        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.body()).contains("ephemeral");
        assertThat(rig.count("SELECT COUNT(*) FROM person WHERE id LIKE '%U0CAROL%'")).isZero();
        rig.slack.awaitCalls(call -> call.method().equals("chat.update")
                || (call.method().equals("chat.postMessage") && String.valueOf(call.param("text")).contains("lost")),
                1, "alice's live board");
    }
}
