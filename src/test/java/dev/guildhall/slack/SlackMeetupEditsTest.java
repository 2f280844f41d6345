package dev.guildhall.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17's meetup edits over real HTTP: a moved meetup's DM to whoever is going carries the RSVP buttons again. */
class SlackMeetupEditsTest {
    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
        rig.slack.user("U0ALICE", "Alice", "Europe/Berlin");
        rig.slack.user("U0BOB", "Bob", "America/New_York");
        rig.command("U0ALICE", "alice", "/guild", "create k8s \"Kubernetes guild\" --tz Europe/Berlin");
        rig.command("U0BOB", "bob", "/guild", "join k8s");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void bobWhoIsGoingGetsTheMoveInHisZoneWithRsvpButtons() throws Exception {
        // Given a meetup bob said he's going to, with the button on the announcement
        rig.command("U0ALICE", "alice", "/guild", "meetup k8s \"2099-12-10 16:00\" \"Operators\"");
        rig.signed(SlackRequests.blockAction("U0BOB", "bob", "guild.going:1", "DU0BOB", rig.slack.responseUrl("going"),
                SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");
        assertThat(rig.awaitCount("SELECT COUNT(*) FROM meetup_rsvp WHERE answer = 'GOING'", 1)).isEqualTo(1);
        // His zone comes from users.info after the ack
        rig.awaitLookedUp("U0BOB");

        // When alice moves it
        SlackRig.Answer ack = rig.command("U0ALICE", "alice", "/guild", "meetup move 1 \"2099-12-11 17:30\"");

        // Then she's answered at once, and bob's DM names the new time in his zone, with Going / Not going
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).contains("Moved meetup #1 (*Operators*)").contains("1 person going is told");
        FakeSlack.Call moved = rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && "DU0BOB".equals(call.param("channel")) && call.param("text").startsWith("🕒 Moved"), 1,
                "the move told to bob").get(0);
        assertThat(moved.param("text")).contains("Fri 11 Dec 2099, 11:30 (America/New_York)");
        assertThat(moved.json("blocks").findValuesAsText("action_id"))
                .containsExactly("guild.going:1", "guild.notgoing:1");
    }
}
