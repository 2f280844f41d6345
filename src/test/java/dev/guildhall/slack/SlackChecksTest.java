package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A knowledge check through the Slack adapter: the question's A/B buttons, the result's buttons, the Home tab. */
class SlackChecksTest {
    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void aCohortWithACheckToSend() throws Exception {
        rig = SlackRig.start(dir);
        rig.slack.user("U0ALICE", "Alice", "Europe/Berlin");
        rig.slack.user("U0OLIVIA", "Olivia", "Europe/Berlin");
        rig.slack.user("U0BOB", "Bob", "Europe/Berlin");
        rig.command("U0ALICE", "alice", "/guild", "create k8s \"Kubernetes guild\"");
        rig.command("U0OLIVIA", "olivia", "/guild", "join k8s");
        rig.command("U0ALICE", "alice", "/guild", "module add k8s \"Pods\"");
        rig.command("U0OLIVIA", "olivia", "/guild", "module own k8s \"Pods\"");
        rig.command("U0ALICE", "alice", "/programme", "create k8s-101 --guild k8s \"Kubernetes in three days\"");
        rig.command("U0ALICE", "alice", "/programme", "module add k8s-101 \"Pods\"");
        rig.command("U0ALICE", "alice", "/programme", "cohort k8s-101 start \"2099-12-07\"");
        rig.command("U0BOB", "bob", "/programme", "join k8s-101");
        rig.command("U0OLIVIA", "olivia", "/check", "add \"Pods\" \"Do containers in a pod share an IP address?\""
                + " \"Yes\" \"No\" --explain \"They share one network namespace.\"");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private static List<String> buttonLabels(JsonNode blocks) {
        List<String> labels = new java.util.ArrayList<>();
        blocks.forEach(block -> {
            if (block.path("type").asText().equals("actions")) {
                block.get("elements").forEach(button -> labels.add(button.get("text").get("text").asText()));
            }
        });
        return labels;
    }

    @Test
    void theQuestionComesAsTextWithShortButtonsAndTheResultWithItsThreeButtonsAndTheHomeTabShowsTheMap() {
        // When the owner sends the check
        SlackRig.Answer sent = rig.command("U0OLIVIA", "olivia", "/check", "send \"Pods\"");
        assertThat(sent.body()).contains("Sent the *Pods* check to 1 person by DM.");

        // Then bob's DM has the options as text and buttons A and B, each well within Slack's 75 characters
        FakeSlack.Call question = rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && "DU0BOB".equals(call.param("channel")) && call.param("text").contains("knowledge check"), 1,
                "the check to bob").get(0);
        JsonNode blocks = question.json("blocks");
        assertThat(blocks.get(0).get("text").get("text").asText())
                .startsWith("📝 *Pods* — knowledge check, question 1 of 1\nDo containers in a pod share an IP address?\nA) ");
        assertThat(buttonLabels(blocks)).containsExactly("A", "B");
        List<String> ids = blocks.findValuesAsText("action_id");
        assertThat(ids).containsExactly("check.answer:1-0-A", "check.answer:1-0-B");

        // When bob presses the wrong answer's button
        Matcher no = Pattern.compile("\\n([AB])\\) No").matcher(blocks.get(0).get("text").get("text").asText());
        assertThat(no.find()).isTrue();
        rig.signed(SlackRequests.blockAction("U0BOB", "bob", "check.answer:1-0-" + no.group(1), "DU0BOB",
                rig.slack.responseUrl("answer"), SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");

        // Then his result comes back only to him, with the right answer and its three buttons
        FakeSlack.Call result = rig.slack.awaitCalls("response_url", 1).get(0);
        assertThat(result.param("response_type")).isEqualTo("ephemeral");
        JsonNode resultBlocks = result.json("blocks");
        assertThat(resultBlocks.toString()).contains("you got 0 of 1 right").contains("Right answer: Yes")
                .contains("They share one network namespace.");
        assertThat(resultBlocks.findValuesAsText("action_id"))
                .containsExactly("check.again:1", "check.mentor:1", "check.ask:1");
        assertThat(buttonLabels(resultBlocks)).containsExactly("Go through it again", "Find me a mentor for this",
                "Ask anonymously").allSatisfy(label -> assertThat(label).hasSizeLessThanOrEqualTo(75));

        // When he opens the Home tab, his map shows the open gap — only his
        rig.signed(SlackRequests.appHomeOpened("U0BOB", "Ev0CHECK1"), "application/json");
        JsonNode view = rig.slack.awaitCalls("views.publish", 1).get(0).json("view");
        assertThat(view.toString()).contains("your map").contains("open gap: Do containers in a pod share an IP"
                + " address?");
    }
}
