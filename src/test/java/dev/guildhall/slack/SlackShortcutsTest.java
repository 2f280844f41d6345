package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21's shortcuts, over real HTTP into the real adapter with the Web API on a fake: the global shortcut "Ask to
 * learn something" opens the /learn modal, the message shortcut "Teach this" opens the /teach modal prefilled with
 * the message's topic; both with the trigger of the shortcut's own payload, and nothing is posted.
 */
class SlackShortcutsTest {
    @TempDir
    Path dir;
    SlackRig rig;

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

    private JsonNode openedView(String triggerId) {
        FakeSlack.Call call = rig.slack.awaitCalls("views.open", 1).get(0);
        assertThat(call.param("trigger_id")).isEqualTo(triggerId);
        return call.json("view");
    }

    @Test
    void askToLearnSomethingOpensTheLearnModal() {
        String trigger = SlackRequests.newTriggerId();

        SlackRig.Answer answer = rig.signed(SlackRequests.globalShortcut("U0ALICE", "alice",
                SlackFormRequests.LEARN_SHORTCUT, trigger), "application/x-www-form-urlencoded");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode view = openedView(trigger);
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("title").path("text").asText()).isEqualTo("Ask to learn something");
        assertThat(view.findValuesAsText("action_id")).contains("topic", "goal");
        assertThat(rig.slack.calls("chat.postMessage")).isEmpty();
        assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isZero();
    }

    @Test
    void teachThisOpensTheTeachModalPrefilledWithTheMessagesTopic() {
        String trigger = SlackRequests.newTriggerId();

        SlackRig.Answer answer = rig.signed(SlackRequests.messageShortcut("U0ALICE", "alice",
                SlackFormRequests.TEACH_SHORTCUT, trigger, "C0GENERAL", "U0BOB",
                "Does anyone know *kubernetes* well enough to show me around?"),
                "application/x-www-form-urlencoded");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode view = openedView(trigger);
        assertThat(view.path("title").path("text").asText()).isEqualTo("Offer to teach");
        assertThat(view.findValuesAsText("action_id")).contains("topic", "capacity");
        assertThat(view.findPath("initial_option").path("value").asText()).isEqualTo("kubernetes");
        assertThat(rig.slack.calls("chat.postMessage")).isEmpty();
        assertThat(rig.count("SELECT COUNT(*) FROM teaching_offer")).isZero();
    }

    @Test
    void teachThisOnALongMessageWithoutATopicOpensTheModalEmpty() {
        String trigger = SlackRequests.newTriggerId();

        rig.signed(SlackRequests.messageShortcut("U0ALICE", "alice", SlackFormRequests.TEACH_SHORTCUT, trigger,
                "C0GENERAL", "U0BOB", "I spent the whole afternoon fighting the deployment pipeline again and"
                        + " I still do not understand why it fails"), "application/x-www-form-urlencoded");

        JsonNode view = openedView(trigger);
        assertThat(view.path("title").path("text").asText()).isEqualTo("Offer to teach");
        assertThat(view.findPath("initial_option").isMissingNode()).isTrue();
    }

    @Test
    void teachThisPrefillsPlainWordsNotSlackMarkup() {
        // Given messages as Slack sends them: mentions, channel links, labelled links and escaped characters
        String bold = "<@U0BOB> could you show <#C0DATA|data-eng> how *Kafka &amp; Flink* fit together?";
        String plain = "<https://kafka.apache.org|Kafka> streams &lt;3 <@U0BOB|bob>";

        // When Teach this is used on each
        String first = SlackRequests.newTriggerId();
        rig.signed(SlackRequests.messageShortcut("U0ALICE", "alice", SlackFormRequests.TEACH_SHORTCUT, first,
                "C0GENERAL", "U0BOB", bold), "application/x-www-form-urlencoded");
        JsonNode boldView = openedView(first);
        rig.slack.clear();
        String second = SlackRequests.newTriggerId();
        rig.signed(SlackRequests.messageShortcut("U0ALICE", "alice", SlackFormRequests.TEACH_SHORTCUT, second,
                "C0GENERAL", "U0BOB", plain), "application/x-www-form-urlencoded");
        JsonNode plainView = openedView(second);

        // Then the topic is the words a person reads, without Slack's markup
        assertThat(boldView.findPath("initial_option").path("value").asText()).isEqualTo("Kafka & Flink");
        assertThat(plainView.findPath("initial_option").path("value").asText()).isEqualTo("Kafka streams <3 bob");
    }
}
