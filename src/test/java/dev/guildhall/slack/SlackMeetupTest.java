package dev.guildhall.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 over Slack: a repeating meetup typed as people type it, and its announcement DM saying it repeats. */
class SlackMeetupTest {
    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
        rig.slack.user("U0ALICE", "Alice", "Europe/Berlin");
        rig.slack.user("U0BOB", "Bob", "Asia/Tokyo");
        rig.command("U0ALICE", "alice", "/guild", "create k8s \"Kubernetes guild\"");
        rig.command("U0BOB", "bob", "/guild", "join k8s");
        // Meetups are planned in alice's zone and shown in bob's, both from users.info after the ack
        rig.awaitLookedUp("U0ALICE", "U0BOB");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aRepeatingMeetupIsPlannedAndItsDmShowsHowItRepeats() {
        SlackRig.Answer ack = rig.command("U0ALICE", "alice", "/guild",
                "meetup k8s \"every weekday 9:30\" \"Stand-up\"");

        assertThat(ack.status()).isEqualTo(200);
        FakeSlack.Call dm = rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && "DU0BOB".equals(call.param("channel")) && call.param("text").contains("New meetup"), 1,
                "bob's DM about the new meetup").get(0);
        assertThat(dm.param("blocks")).contains("Repeats").contains("every weekday 09:30");
        assertThat(rig.count("SELECT COUNT(*) FROM meetup WHERE recurrence ="
                + " 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=30'")).isEqualTo(1);
    }
}
