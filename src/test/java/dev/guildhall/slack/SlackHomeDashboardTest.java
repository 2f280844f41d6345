package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21's App Home dashboard, over real HTTP into the real adapter with the Web API on a fake: the Home tab shows
 * your tickets with Cancel, your teaching with Pause / Resume, your guilds' next meetups with Going / Not going and
 * the buttons that open the forms; a press in the Home tab does what the typed command does, answers in your DM and
 * shows the page again.
 */
class SlackHomeDashboardTest {
    @TempDir
    Path dir;
    SlackRig rig;
    int homeOpenings;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
        rig.slack.user("U0ALICE", "Alice", "Europe/Berlin");
        rig.slack.clear();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private JsonNode openHome() {
        int before = rig.slack.calls("views.publish").size();
        rig.signed(SlackRequests.appHomeOpened("U0ALICE", "Ev0HOME" + ++homeOpenings), "application/json");
        return lastHome(before + 1);
    }

    private JsonNode lastHome(int publishes) {
        java.util.List<FakeSlack.Call> calls = rig.slack.awaitCalls("views.publish", publishes);
        return calls.get(calls.size() - 1).json("view");
    }

    private void press(String actionId) {
        rig.signed(SlackRequests.homeBlockAction("U0ALICE", "alice", actionId, SlackRequests.newTriggerId()),
                "application/x-www-form-urlencoded");
    }

    private void awaitDm(String text) {
        rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && "DU0ALICE".equals(call.param("channel")) && call.param("text").contains(text), 1,
                "\"" + text + "\" in alice's DM");
    }

    @Test
    void aTicketIsCancelledFromTheHomeTab() {
        rig.command("U0ALICE", "alice", "/learn", "kafka");
        long ticket = Long.parseLong(rig.text("SELECT id FROM ticket"));
        JsonNode home = openHome();
        assertThat(home.findValuesAsText("action_id")).contains("mentorship.cancel:" + ticket);
        int publishes = rig.slack.calls("views.publish").size();

        press("mentorship.cancel:" + ticket);

        awaitDm("Cancelled ticket #" + ticket);
        assertThat(rig.text("SELECT status FROM ticket")).isEqualTo("CANCELLED");
        assertThat(lastHome(publishes + 1).findValuesAsText("action_id"))
                .doesNotContain("mentorship.cancel:" + ticket);
    }

    @Test
    void someoneElsesTicketIsNotCancelledByATamperedButton() {
        rig.slack.user("U0BOB", "Bob", "Europe/London");
        rig.command("U0BOB", "bob", "/learn", "kafka");
        long ticket = Long.parseLong(rig.text("SELECT id FROM ticket"));

        press("mentorship.cancel:" + ticket);

        awaitDm("isn't yours");
        assertThat(rig.text("SELECT status FROM ticket")).isEqualTo("WAITING");
    }

    @Test
    void teachingIsPausedAndResumedFromTheHomeTab() {
        rig.command("U0ALICE", "alice", "/teach", "kafka");
        assertThat(openHome().findValuesAsText("action_id")).contains("mentorship.teaching.pause:0")
                .doesNotContain("mentorship.teaching.resume:0");
        int publishes = rig.slack.calls("views.publish").size();

        press("mentorship.teaching.pause:0");

        awaitDm("Paused");
        assertThat(rig.count("SELECT COUNT(*) FROM teaching_offer WHERE paused_at IS NOT NULL")).isEqualTo(1);
        assertThat(lastHome(publishes + 1).findValuesAsText("action_id")).contains("mentorship.teaching.resume:0")
                .doesNotContain("mentorship.teaching.pause:0");

        press("mentorship.teaching.resume:0");

        awaitDm("Welcome back");
        assertThat(rig.count("SELECT COUNT(*) FROM teaching_offer WHERE paused_at IS NOT NULL")).isZero();
    }

    @Test
    void theNextMeetupOfEachGuildIsAnsweredFromTheHomeTab() {
        rig.command("U0ALICE", "alice", "/guild", "create devops \"DevOps\"");
        // Her zone comes from users.info after the ack; a meetup typed before it is known asks for one.
        rig.awaitLookedUp("U0ALICE");
        rig.command("U0ALICE", "alice", "/guild", "meetup devops \"2099-03-10 16:00\" \"Kafka deep dive\"");
        long meetup = Long.parseLong(rig.text("SELECT id FROM meetup"));
        JsonNode home = openHome();
        assertThat(home.toString()).contains("Your guilds", "Kafka deep dive", "0 going");
        assertThat(home.findValuesAsText("action_id")).contains("guild.going:" + meetup,
                "guild.notgoing:" + meetup, "form:guild.meetup", "form:guild.announce");
        int publishes = rig.slack.calls("views.publish").size();

        press("guild.going:" + meetup);

        awaitDm("You're going to *Kafka deep dive*");
        assertThat(rig.text("SELECT answer FROM meetup_rsvp")).isEqualTo("GOING");
        assertThat(lastHome(publishes + 1).toString()).contains("1 going");
    }

    @Test
    void theHomeTabOffersOnlyTheFormsThisPersonCanFill() {
        assertThat(openHome().findValuesAsText("action_id")).contains("form:learn", "form:teach", "form:session.start")
                .doesNotContain("form:wg.create", "form:guild.meetup");

        rig.command("U0ALICE", "alice", "/guild", "create devops \"DevOps\"");
        rig.slack.clear();
        assertThat(openHome().findValuesAsText("action_id")).contains("form:wg.create", "form:guild.meetup");

        press("form:wg.create");

        JsonNode modal = rig.slack.awaitCalls("views.open", 1).get(0).json("view");
        assertThat(modal.path("title").path("text").asText()).isEqualTo("Start a working group");
        assertThat(rig.slack.calls("chat.postMessage")).isEmpty();
    }
}
