package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21's Slack forms, over real HTTP into the real adapter with the Web API on a fake: a command typed alone opens
 * a modal with views.open on the ack path (the usage text when Slack refuses the trigger), a submission runs the same
 * handler as the typed command, problems come back on their fields, topics are suggested as people type.
 */
class SlackFormsTest {
    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
        rig.slack.user("U0ALICE", "Alice", "Europe/Berlin");
        rig.command("U0ALICE", "alice", "/guild", "create devops \"DevOps\"");
        rig.slack.clear();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private JsonNode openedView() {
        return rig.slack.calls("views.open").get(0).json("view");
    }

    private SlackRig.Answer submit(String metadata, ObjectNode values) {
        return rig.signed(SlackRequests.viewSubmission("U0ALICE", "alice", metadata, values),
                "application/x-www-form-urlencoded");
    }

    /** Bob is in devops; alice fills the announcement form and submits it, which pushes its preview. */
    private SlackRig.Answer previewAnnouncement() {
        rig.command("U0BOB", "bob", "/guild", "join devops");
        rig.command("U0ALICE", "alice", "/guild", "announce");
        String metadata = openedView().path("private_metadata").asText();
        ObjectNode values = FakeSlack.JSON.createObjectNode();
        SlackRequests.stateValue(values, "guild", "static_select", "selected_option", "devops");
        SlackRequests.stateValue(values, "text", "plain_text_input", "value", "Slides are in the wiki");
        return submit(metadata, values);
    }

    private static ObjectNode meetupValues(String date, String time) {
        ObjectNode values = FakeSlack.JSON.createObjectNode();
        SlackRequests.stateValue(values, "guild", "static_select", "selected_option", "devops");
        SlackRequests.stateValue(values, "title", "plain_text_input", "value", "Kafka deep dive");
        SlackRequests.stateValue(values, "date", "datepicker", "selected_date", date);
        SlackRequests.stateValue(values, "time", "timepicker", "selected_time", time).put("timezone", "Europe/Berlin");
        SlackRequests.stateValue(values, "repeat", "static_select", "selected_option", "once");
        return values;
    }

    @Test
    void aMeetupTypedAloneOpensAModalWithPickersOnTheAckPath() {
        // When alice types /guild meetup alone
        SlackRig.Answer ack = rig.command("U0ALICE", "alice", "/guild", "meetup");

        // Then the ack is empty and views.open was called with the command's trigger, before the ack
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).doesNotContain("Which guild");
        assertThat(ack.took()).isLessThan(Duration.ofSeconds(3));
        FakeSlack.Call open = rig.slack.calls("views.open").get(0);
        assertThat(open.param("trigger_id")).startsWith("7000");
        JsonNode view = openedView();
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("callback_id").asText()).isEqualTo("guildhall.form");
        assertThat(view.path("title").path("text").asText()).isEqualTo("Plan a meetup");
        List<String> blocks = view.path("blocks").findValuesAsText("block_id");
        assertThat(blocks).containsExactly("guild", "title", "date", "time", "repeat");
        JsonNode elements = view.path("blocks");
        assertThat(elements.get(0).path("type").asText()).isEqualTo("input");
        assertThat(elements.get(0).path("element").path("type").asText()).isEqualTo("static_select");
        assertThat(elements.get(0).path("element").path("initial_option").path("value").asText()).isEqualTo("devops");
        assertThat(elements.get(1).path("element").path("type").asText()).isEqualTo("plain_text_input");
        assertThat(elements.get(2).path("element").path("type").asText()).isEqualTo("datepicker");
        assertThat(elements.get(3).path("element").path("type").asText()).isEqualTo("timepicker");
        assertThat(elements.get(4).path("element").path("options")).hasSize(3);
        assertThat(view.path("private_metadata").asText()).contains("\"form\":\"guild.meetup\"");
    }

    @Test
    void aCheckQuestionTypedAloneOpensAModalWithTheModulesTheOwnerOwns() {
        // Given alice owns the module Pods of devops
        rig.command("U0ALICE", "alice", "/guild", "module add devops \"Pods\"");
        rig.command("U0ALICE", "alice", "/guild", "module own devops \"Pods\"");
        rig.slack.clear();

        // When she types /check add alone
        SlackRig.Answer ack = rig.command("U0ALICE", "alice", "/check", "add");

        // Then a modal opens with her module picked, the question, the answers and an optional explanation
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).doesNotContain("Which module");
        JsonNode view = openedView();
        assertThat(view.path("title").path("text").asText()).isEqualTo("Add a check question");
        assertThat(view.path("private_metadata").asText()).contains("\"form\":\"check.add\"");
        assertThat(view.path("blocks").findValuesAsText("block_id"))
                .containsExactly("module", "question", "right", "wrong", "explain");
        JsonNode blocks = view.path("blocks");
        assertThat(blocks.get(0).path("element").path("type").asText()).isEqualTo("static_select");
        assertThat(blocks.get(0).path("element").path("options")).hasSize(1);
        assertThat(blocks.get(0).path("element").path("initial_option").path("value").asText()).isEqualTo("Pods");
        assertThat(blocks.get(3).path("element").path("multiline").asBoolean()).isTrue();
        assertThat(blocks.get(4).path("optional").asBoolean()).isTrue();
    }

    @Test
    void anExpiredTriggerFallsBackToTheUsageText() {
        rig.slack.failNext("views.open", "expired_trigger_id");

        SlackRig.Answer ack = rig.command("U0ALICE", "alice", "/guild", "meetup");

        assertThat(ack.body()).contains("Which guild, when, and what?");
    }

    @Test
    void aSlowViewsOpenIsGivenUpBeforeSlacksAckWindowAndThePersonToldWhatToTypeInstead() {
        // Given Slack takes 5 s to answer views.open
        rig.slack.slowNext("views.open", Duration.ofSeconds(5));

        // When alice types /guild meetup alone
        SlackRig.Answer ack = rig.command("U0ALICE", "alice", "/guild", "meetup");

        // Then the ack comes within Slack's 3 s, telling her what to type instead; nothing was planned
        assertThat(ack.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(ack.body()).contains("Slack was slow to open the form")
                .contains("Type /guild meetup with what it needs");
        assertThat(rig.count("SELECT COUNT(*) FROM meetup")).isZero();
    }

    @Test
    void aSlowViewsOpenFromTheHomeTabOrAShortcutIsToldInTheirDm() {
        // Given Slack is slow to answer views.open, twice
        rig.slack.slowNext("views.open", Duration.ofSeconds(5));

        // When alice presses the Home tab's learn button, then uses the global shortcut while Slack is slow again
        SlackRig.Answer press = rig.signed(SlackRequests.homeBlockAction("U0ALICE", "alice", "form:learn",
                SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");
        rig.slack.slowNext("views.open", Duration.ofSeconds(5));
        SlackRig.Answer shortcut = rig.signed(SlackRequests.globalShortcut("U0ALICE", "alice",
                SlackFormRequests.LEARN_SHORTCUT, SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");

        // Then each ack is in time and her DM says what to type instead, twice
        assertThat(press.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(shortcut.took()).isLessThan(Duration.ofSeconds(3));
        rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage") && "DU0ALICE".equals(call.param("channel"))
                && call.param("text").contains("Slack was slow to open the form")
                && call.param("text").contains("Type /learn with what it needs"), 2, "the notices in alice's DM");
    }

    @Test
    void aSubmittedMeetupIsPlannedInThePickersZoneAndTheModalCloses() {
        rig.command("U0ALICE", "alice", "/guild", "meetup");
        String metadata = openedView().path("private_metadata").asText();

        SlackRig.Answer answer = submit(metadata, meetupValues("2099-03-10", "16:00"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"response_action\":\"clear\"");
        assertThat(rig.text("SELECT title || ' ' || starts_at || ' ' || time_zone FROM meetup"))
                .isEqualTo("Kafka deep dive " + Instant.parse("2099-03-10T15:00:00Z").toEpochMilli()
                        + " Europe/Berlin");
        rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage") && "DU0ALICE".equals(call.param("channel"))
                && call.param("text").contains("Planned meetup #1"), 1, "the reply in alice's DM");
    }

    @Test
    void aProblemComesBackOnItsFieldAndNothingIsPlanned() {
        rig.command("U0ALICE", "alice", "/guild", "meetup");
        String metadata = openedView().path("private_metadata").asText();

        SlackRig.Answer answer = submit(metadata, meetupValues("2026-01-10", "16:00"));

        assertThat(answer.body()).contains("\"response_action\":\"errors\"").contains("\"date\":")
                .contains("already past");
        assertThat(rig.count("SELECT COUNT(*) FROM meetup")).isZero();
    }

    @Test
    void topicsAreSuggestedWithTheTypedTextAsANewTopic() {
        rig.command("U0BOB", "bob", "/teach", "kafka");
        rig.command("U0ALICE", "alice", "/learn", "");
        String metadata = openedView().path("private_metadata").asText();
        assertThat(openedView().path("blocks").get(0).path("element").path("type").asText())
                .isEqualTo("external_select");

        SlackRig.Answer kaf = rig.signed(SlackRequests.blockSuggestion("U0ALICE", "topic", "kaf", metadata),
                "application/x-www-form-urlencoded");
        SlackRig.Answer flink = rig.signed(SlackRequests.blockSuggestion("U0ALICE", "topic", "Flink", metadata),
                "application/x-www-form-urlencoded");

        assertThat(kaf.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(kaf.body()).contains("\"value\":\"kaf\"").contains("kaf (new topic)").contains("\"value\":\"kafka\"");
        assertThat(flink.body()).contains("\"value\":\"flink\"").contains("flink (new topic)");
    }

    @Test
    void anAnnouncementIsPreviewedBeforeItIsSent() {
        SlackRig.Answer preview = previewAnnouncement();

        assertThat(preview.body()).contains("\"response_action\":\"push\"").contains("Slides are in the wiki")
                .contains("sent to 1 member");
        assertThat(rig.count("SELECT COUNT(*) FROM announcement")).isZero();
        String pushedMetadata = readTree(preview.body()).path("view").path("private_metadata").asText();

        SlackRig.Answer sent = submit(pushedMetadata, FakeSlack.JSON.createObjectNode());

        assertThat(sent.body()).contains("\"response_action\":\"clear\"");
        assertThat(rig.count("SELECT COUNT(*) FROM announcement")).isEqualTo(1);
    }

    @Test
    void aPreviewWhoseSendIsRefusedClosesAndTellsWhyInTheDm() {
        // Given alice's previewed announcement, and then she is no longer a lead of the guild
        String pushedMetadata = readTree(previewAnnouncement().body()).path("view").path("private_metadata").asText();
        rig.command("U0ALICE", "alice", "/guild", "lead add devops <@U0BOB|bob>");
        rig.command("U0BOB", "bob", "/guild", "lead remove devops <@U0ALICE|alice>");

        // When she presses Send on the preview
        SlackRig.Answer sent = submit(pushedMetadata, FakeSlack.JSON.createObjectNode());

        // Then the modal closes (a preview has no field for an error) and her DM says why nothing was sent
        assertThat(sent.body()).contains("\"response_action\":\"clear\"");
        rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage") && "DU0ALICE".equals(call.param("channel"))
                && call.param("text").startsWith("Nothing was sent:"), 1, "why nothing was sent, in alice's DM");
        assertThat(rig.count("SELECT COUNT(*) FROM announcement")).isZero();
    }

    @Test
    void theHomeTabsButtonsOpenTheForms() {
        rig.signed(SlackRequests.appHomeOpened("U0ALICE", "Ev0HOME1"), "application/json");
        JsonNode home = rig.slack.awaitCalls("views.publish", 1).get(0).json("view");
        assertThat(home.findValuesAsText("action_id")).contains("form:learn", "form:teach");

        rig.signed(SlackRequests.homeBlockAction("U0ALICE", "alice", "form:learn", SlackRequests.newTriggerId()),
                "application/x-www-form-urlencoded");

        assertThat(openedView().path("title").path("text").asText()).isEqualTo("Ask to learn something");
        assertThat(rig.slack.calls("chat.postMessage")).isEmpty();
    }

    private static JsonNode readTree(String json) {
        try {
            return FakeSlack.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
