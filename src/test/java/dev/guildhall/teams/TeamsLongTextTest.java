package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.store.Database;
import dev.guildhall.testing.ManyGuilds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.guildhall.teams.Activities.personalChat;
import static org.assertj.core.api.Assertions.assertThat;

/** Long texts through the Teams adapter: every activity within Teams' ~28 KB, the whole text delivered. */
class TeamsLongTextTest {
    @TempDir
    Path dir;
    TeamsRig rig;
    FakeConnector connector;
    Database database;

    @BeforeEach
    void start() throws Exception {
        rig = new TeamsRig(dir);
        connector = rig.connector;
        database = rig.database;
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private void say(String user, String text) {
        rig.post(Activities.personalMessage(connector.serviceUrl(), user, text));
    }

    private void press(String user, String actionId) {
        rig.teams.handle(rig.guildhall, null, Activities.cardSubmit(connector.serviceUrl(), user, actionId));
        rig.guildhall.runDue();
    }

    private static void assertWithinTeamsLimit(List<FakeConnector.Call> calls) {
        assertThat(calls).isNotEmpty().allSatisfy(call ->
                assertThat(call.bytes()).isLessThanOrEqualTo(AdaptiveCards.ACTIVITY_LIMIT));
    }

    /** The text blocks of the cards, in order, without the subtle context line. */
    private static String shown(List<FakeConnector.Call> calls) {
        StringBuilder text = new StringBuilder();
        for (FakeConnector.Call call : calls) {
            for (JsonNode block : call.card().path("body")) {
                if (block.path("type").asText().equals("TextBlock") && !block.path("isSubtle").asBoolean()) {
                    text.append(block.path("text").asText());
                }
            }
        }
        return text.toString();
    }

    private void sayInChannel(String user, String text) {
        rig.sayInChannel(user, text);
    }

    @Test
    void aSessionSummaryOverTeamsLimitArrivesWholeAcrossActivitiesEachWithinTheLimit() {
        // Given a live session in a channel with 40 questions of 300 characters, most of them three bytes each
        say("alice", "hi");
        sayInChannel("alice", "session start Peering");
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String question = ("Q" + (i + 10) + " ☕ " + "☕✓ ".repeat(100)).substring(0, 300).strip();
            questions.add(question);
            sayInChannel("trainee" + i, "wait " + question);
        }
        connector.clear();

        // When alice ends it (the summary lists every question: about 36 KB as an activity)
        sayInChannel("alice", "session end");

        // Then her summary comes in several activities, each within Teams' limit, with every question, numbered
        List<FakeConnector.Call> summary = connector.to(personalChat("alice")).stream()
                .filter(call -> call.method().equals("POST")).toList();
        assertThat(summary).hasSizeGreaterThan(1);
        assertWithinTeamsLimit(summary);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            lines.add((i + 1) + ". " + questions.get(i) + " — ▲0 votes");
        }
        assertThat(shown(summary)).startsWith("📝 **Peering** — summary")
                .contains("**Questions**\n" + String.join("\n", lines));
        assertThat(summary.get(summary.size() - 1).buttonTitles()).contains("Post the questions as a recap");
    }

    @Test
    void aListOf301GuildsIsPagedWithAShowMoreButtonAndEveryPageFits() {
        // Given 301 guilds
        say("alice", "guild create g000 Guild-0");
        ManyGuilds.add(database, 300, "A guild with a rather long name, number ");
        connector.clear();

        // When bob lists them, then presses Show more until there is no more
        say("bob", "guild list");
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (true) {
            List<FakeConnector.Call> page = connector.to(personalChat("bob"));
            assertThat(page).hasSize(1);
            assertWithinTeamsLimit(page);
            seen.addAll(ManyGuilds.slugsIn(page.get(0).cardText()));
            pages++;
            List<String> buttons = page.get(0).buttonTitles();
            if (buttons.isEmpty()) {
                break;
            }
            assertThat(buttons).singleElement().asString().startsWith("Show more (");
            String next = page.get(0).buttonData(buttons.get(0));
            connector.clear();
            press("bob", next);
        }

        // Then every guild showed up once, in order, 25 to a page
        assertThat(pages).isEqualTo(13);
        assertThat(seen).hasSize(301).doesNotHaveDuplicates().startsWith("g000", "g001").endsWith("g300");
    }
}
