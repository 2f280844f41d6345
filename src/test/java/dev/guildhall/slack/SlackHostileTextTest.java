package dev.guildhall.slack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous questions are inert on Slack: whatever markup someone sends with {@code /wait} (as Slack delivers it with
 * escaping on), what reaches the channel pings nobody, links no channel and masks no address.
 */
class SlackHostileTextTest {
    /** Each question as Slack sends it, and what the channel must show instead. */
    private static final List<String[]> HOSTILE = List.of(
            new String[] {"<@U999|bob> you are wrong", "@bob you are wrong"},
            new String[] {"&lt;@U998&gt; typed by hand", "&lt;@U998&gt; typed by hand"},
            new String[] {"<!here> <!channel> <!everyone> wake up", "@here @channel @everyone wake up"},
            new String[] {"<!subteam^S0ADMINS|@admins> look", "@admins look"},
            new String[] {"<https://evil.example/login|Click to re-login>",
                    "Click to re-login (<https://evil.example/login>)"},
            new String[] {"[Click to re-login](https://evil.example/login)",
                    "[Click to re-login](<https://evil.example/login>)"},
            new String[] {"see <#C0OTHER|random> &amp; &lt;b&gt;", "see #random &amp; &lt;b&gt;"});
    /** Any Slack markup but a plain link that shows its own address. */
    private static final Pattern LIVE_MARKUP = Pattern.compile("<(?!https?://[^|<>]+>)[^>]*>");

    @Test
    void hostileAnonymousQuestionsReachTheChannelInert(@TempDir Path dir) throws Exception {
        try (SlackRig rig = SlackRig.unpaced(dir)) {
            // Given a live session in the training channel
            rig.slack.user("U0PRES", "Presenter", "Europe/Paris");
            rig.form(SlackRequests.slashCommand("U0PRES", "pres", "/session", "start \"Kubernetes 101\"",
                    "C0TRAINING", "training", rig.slack.responseUrl("start")));

            // When a different trainee asks each hostile question anonymously
            for (int i = 0; i < HOSTILE.size(); i++) {
                SlackRig.Answer answer = rig.form(SlackRequests.slashCommand("U0ASK" + i, "asker" + i, "/wait",
                        HOSTILE.get(i)[0], "C0TRAINING", "training", rig.slack.responseUrl("wait" + i)));
                assertThat(answer.body()).contains("without your name");
            }

            // Then each question reaches the channel as the plain text it is
            for (String[] hostile : HOSTILE) {
                String expected = "❓ Anonymous question: " + hostile[1];
                assertThat(rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                        && sectionTexts(call).contains(expected), 1, expected)).isNotEmpty();
            }
            // and nothing the bot sent to Slack carries a mention, a broadcast, a channel link or a masked link
            List<FakeSlack.Call> sent = rig.slack.calls().stream()
                    .filter(call -> call.method().startsWith("chat.")).toList();
            assertThat(sent).isNotEmpty().allSatisfy(call -> {
                assertThat(live(sectionTexts(call))).as("blocks of %s", call.method()).isEmpty();
                assertThat(live(String.valueOf(call.param("text")))).as("text of %s", call.method()).isEmpty();
            });
        }
    }

    private static String sectionTexts(FakeSlack.Call call) {
        StringBuilder texts = new StringBuilder();
        call.json("blocks").findValues("text").forEach(text -> texts.append(text.path("text").asText()).append('\n'));
        return texts.toString();
    }

    private static List<String> live(String text) {
        Matcher markup = LIVE_MARKUP.matcher(text);
        return markup.results().map(match -> match.group()).toList();
    }
}
