package dev.guildhall.teams;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous questions are inert on Teams: a masked link, an {@code <at>} tag or an HTML entity typed into
 * {@code wait <question>} reaches the channel's card as visible text, never as a link or a mention.
 */
class TeamsHostileTextTest {
    /** Each question as the Teams client sends it (HTML), JSON-escaped for the activity. */
    private static final List<String> HOSTILE = List.of(
            "[Click to re-login](https://evil.example/login)",
            "&lt;at&gt;Alice&lt;/at&gt; you are wrong",
            "&lt;@U998&gt; and &amp;lt;b&amp;gt;",
            "<at>Alice</at> look");

    @TempDir
    Path dir;
    TeamsRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new TeamsRig(dir);
        rig.sayInChannel("presenter", "session start \\\"Kubernetes 101\\\"");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void hostileAnonymousQuestionsReachTheCardInert() {
        // When trainees ask hostile questions
        for (int i = 0; i < HOSTILE.size(); i++) {
            rig.sayInChannel("trainee" + i, "wait " + HOSTILE.get(i));
        }

        // Then each question is on a card, with its real address visible
        List<String> cards = rig.connector.calls().stream().map(FakeConnector.Call::cardText).toList();
        assertThat(String.join("\n", cards)).contains("Anonymous question")
                .contains("https://evil.example/login").contains("Click to re-login");
        // and no card carries a masked link, an <at> mention, an HTML entity or a mention entity
        assertThat(cards).noneMatch(text -> text.contains("](") || text.toLowerCase().contains("<at")
                || text.matches("(?s).*&#?[a-zA-Z0-9]+;.*"));
        assertThat(rig.connector.calls()).noneMatch(call -> call.body().path("entities").toString().contains("mention"));
        assertThat(cards.stream().filter(text -> text.contains("Anonymous question"))).hasSize(HOSTILE.size());
    }
}
