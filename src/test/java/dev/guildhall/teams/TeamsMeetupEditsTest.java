package dev.guildhall.teams;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.guildhall.teams.Activities.personalChat;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 over Teams: a moved meetup reaches whoever is going as a card with Going / Not going again. */
class TeamsMeetupEditsTest {
    @TempDir
    Path dir;
    TeamsRig rig;
    FakeConnector connector;

    @BeforeEach
    void start() throws Exception {
        rig = new TeamsRig(dir);
        connector = rig.connector;
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** The text goes into the activity's JSON as typed, so its quotes are escaped there. */
    private void say(String user, String text) {
        rig.post(Activities.personalMessage(connector.serviceUrl(), user, text.replace("\"", "\\\"")));
    }

    @Test
    void bobWhoIsGoingGetsTheMoveAsACardWithRsvpButtons() {
        say("alice", "guild create k8s \"Kubernetes guild\" --tz Europe/Berlin");
        say("bob", "guild join k8s");
        say("alice", "guild meetup k8s \"2026-12-10 16:00\" \"Operators\"");
        rig.teams.handle(rig.guildhall, null, Activities.cardSubmit(connector.serviceUrl(), "bob", "guild.going:1"));
        rig.guildhall.runDue();
        connector.clear();

        say("alice", "guild meetup move 1 \"2026-12-11 17:30\"");

        List<FakeConnector.Call> moved = connector.await(personalChat("bob"),
                call -> call.cardText().contains("Moved: *Operators*") || call.cardText().contains("Moved: **Operators**"));
        assertThat(moved.get(0).cardText()).contains("Fri 11 Dec 2026, 16:30 (Europe/London)");
        assertThat(moved.get(0).buttonTitles()).containsExactly("Going", "Not going");
        assertThat(moved.get(0).buttonData("Going")).isEqualTo("guild.going:1");
    }
}
