package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.testing.ManyGuilds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Long texts through the real adapter: carried whole within Slack's limits, lists paged, numbers as posted. */
class SlackLongTextTest {
    private static final String LIVE = "C0LIVE";

    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.unpaced(dir);
        rig.slack.user("U0LEA", "Lea", "Europe/Berlin");
        rig.slack.user("U0BOB", "Bob", "Europe/Berlin");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private SlackRig.Answer inChannel(String userId, String userName, String channel, String command, String text) {
        return rig.form(SlackRequests.slashCommand(userId, userName, command, text, channel, "live",
                rig.slack.responseUrl(userName)));
    }

    /** Everything the outbox holds is sent (a whole session's worth takes a while on a busy machine). */
    private void awaitDelivery() {
        await().atMost(Duration.ofSeconds(90)).until(() -> rig.count(
                "SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')") == 0);
        assertThat(rig.count("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'")).isZero();
    }

    /** The texts Slack was asked to show, unescaped, in order; every message checked against Slack's limits. */
    private static List<String> delivered(List<FakeSlack.Call> posts) {
        List<String> texts = new ArrayList<>();
        for (FakeSlack.Call post : posts) {
            JsonNode blocks = post.json("blocks");
            SlackText.assertWithinLimits(blocks);
            SlackText.texts(blocks).forEach(sent -> texts.add(SlackText.unescape(sent)));
        }
        return texts;
    }

    private List<FakeSlack.Call> postsIn(String channel) {
        return rig.slack.calls("chat.postMessage").stream().filter(call -> channel.equals(call.param("channel")))
                .toList();
    }

    private static String announcement() {
        StringBuilder text = new StringBuilder();
        int paragraph = 0;
        while (text.length() < 3_900) {
            text.append("Paragraph ").append(++paragraph).append(": Q&A <room 4> & coffee > tea, see you there. ")
                    .append("Bring questions about kubernetes & terraform.\n\n");
        }
        return text.substring(0, 3_950 - 3) + "END";
    }

    @Test
    void aLongAnnouncementWithEntitiesArrivesWholeInTheChannelAndInEveryDm() {
        // Given a guild with a channel, and a member who wants DMs
        rig.command("U0LEA", "lea", "/guild", "create platform Platform <#C0PLAT|platform>");
        rig.command("U0BOB", "bob", "/guild", "join platform");
        String text = announcement();
        assertThat(text).hasSize(3_950).contains("&", "<", ">");

        // When the lead announces 3,950 characters full of & < >
        SlackRig.Answer ack = rig.command("U0LEA", "lea", "/guild", "announce platform " + text);
        awaitDelivery();

        // Then the channel and bob's DM each got the whole text, split across sections within Slack's limits
        assertThat(ack.body()).contains("On its way");
        assertThat(String.join("", delivered(postsIn("C0PLAT")))).startsWith("📣 *Platform* — from ")
                .endsWith(":\n" + text);
        List<String> inDm = delivered(postsIn("DU0BOB"));
        assertThat(String.join("", inDm.subList(0, inDm.size() - 1))).endsWith(":\n" + text);
        assertThat(inDm.get(inDm.size() - 1)).startsWith("You get this as a member of platform");
        assertThat(postsIn("C0PLAT").get(0).json("blocks").size()).isGreaterThan(1);
    }

    @Test
    void aSummaryOfFortyQuestionsShowsThemAllAndTheRecapPostsAsManyAsItSays() {
        // Given a live session with 40 long questions, each asked by someone else, with & < > in them
        inChannel("U0LEA", "lea", LIVE, "/session", "start \"VPC peering\"");
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String question = ("Question " + (i + 10) + ": how do <routes> & peering > transit compare here? ")
                    .repeat(5).substring(0, 290);
            questions.add(question);
            assertThat(inChannel("U0T" + i, "trainee" + i, LIVE, "/wait", question).status()).isEqualTo(200);
        }

        // When the presenter ends it
        inChannel("U0LEA", "lea", LIVE, "/session", "end");
        awaitDelivery();

        // Then the summary in her DMs lists all 40 questions, within Slack's limits
        List<FakeSlack.Call> dms = postsIn("DU0LEA");
        int summaryStart = 0;
        while (summaryStart < dms.size() && !dms.get(summaryStart).param("text").contains("— summary")) {
            summaryStart++;
        }
        String summary = String.join("\n", delivered(dms.subList(summaryStart, dms.size())));
        for (String question : questions) {
            assertThat(summary).contains(question);
        }
        assertThat(numbered(summary)).isEqualTo(40);

        // When she posts the recap
        rig.slack.clear();
        rig.signed(SlackRequests.blockAction("U0LEA", "lea", "livesession.recap:1", "DU0LEA",
                rig.slack.responseUrl("recap"), SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");
        awaitDelivery();

        // Then the channel gets all 40, and the count she is told is the count posted
        String reply = rig.slack.awaitCalls("response_url", 1).get(0).param("text");
        String recap = String.join("", delivered(postsIn(LIVE)));
        assertThat(reply).contains("Posted the recap of 40 questions");
        assertThat(recap).contains("the 40 questions you asked");
        assertThat(questions).allSatisfy(question -> assertThat(recap).contains("• " + question + " ("));
    }

    @Test
    void aLongGuildListIsPagedWithAButtonThatShowsTheNextPage() throws Exception {
        // Given 301 guilds
        rig.command("U0LEA", "lea", "/guild", "create g000 \"Guild 0\"");
        ManyGuilds.add(rig.bot.database(), 300, "Guild ");

        // When bob lists them
        JsonNode first = FakeSlack.JSON.readTree(rig.command("U0BOB", "bob", "/guild", "list").body()).get("blocks");

        // Then he sees the first 25, says so, and gets a button for the next page
        SlackText.assertWithinLimits(first);
        assertThat(SlackText.texts(first).get(0)).isEqualTo("🏛 Guilds — 1–25 of 301");
        assertThat(String.join("\n", SlackText.texts(first))).contains("g000", "g024").doesNotContain("g025");
        assertThat(first.findValuesAsText("action_id")).containsExactly("guild.list:25");
        assertThat(first.get(first.size() - 1).get("elements").get(0).get("text").get("text").asText())
                .isEqualTo("Show more (26–50 of 301)");

        // When he presses it, all the way to the end
        List<String> seen = new ArrayList<>();
        String next = "guild.list:25";
        int pages = 1;
        while (next != null) {
            rig.slack.clear();
            rig.signed(SlackRequests.blockAction("U0BOB", "bob", next, "DU0BOB", rig.slack.responseUrl("more"),
                    SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");
            JsonNode page = rig.slack.awaitCalls("response_url", 1).get(0).json("blocks");
            SlackText.assertWithinLimits(page);
            seen.addAll(ManyGuilds.slugsIn(String.join("\n", SlackText.texts(page))));
            List<String> buttons = page.findValuesAsText("action_id");
            next = buttons.isEmpty() ? null : buttons.get(0);
            pages++;
        }

        // Then every other guild showed up once, in order, on 13 pages in all
        assertThat(seen).hasSize(276).first().isEqualTo("g025");
        assertThat(seen).last().isEqualTo("g300");
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(13);
    }

    private static int numbered(String summary) {
        Matcher line = Pattern.compile("(?m)^(\\d+)\\. Question").matcher(summary);
        int count = 0;
        while (line.find()) {
            count++;
            assertThat(line.group(1)).isEqualTo(String.valueOf(count));
        }
        return count;
    }
}
