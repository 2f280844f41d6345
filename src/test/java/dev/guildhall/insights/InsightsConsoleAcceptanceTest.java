package dev.guildhall.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

class InsightsConsoleAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theInsightsOfAScriptedHistoryCountWhatHappenedAndComeWithChartsThatOpen() throws Exception {
        // Given the history in insights/history.txt, when alice (the data guild's lead) asks for insights twice
        List<JsonNode> lines = run("history.txt");

        // Then the numbers are those of the history
        List<JsonNode> reports = lines.stream().filter(l -> l.path("text").asText().startsWith("📈 Insights")).toList();
        assertThat(reports).hasSize(2);
        JsonNode report = reports.get(0);
        assertThat(report.path("to").asText()).isEqualTo("alice");
        assertThat(field(report, "Unmet demand")).as("erin's rust ticket, opened Mar 2 11:00, asked Mar 10 15:10")
                .isEqualTo("rust: 1 waiting, no teacher, longest for 8 days");
        assertThat(field(report, "Time to match")).as("bob waited 2 h, carol 4 h")
                .isEqualTo("median 2 h · p90 4 h (2 matched)");
        assertThat(field(report, "Acceptance")).as("alice accepted twice, bob declined once")
                .isEqualTo("2 of 3 proposals accepted (67%)");
        assertThat(field(report, "Matches per teacher")).isEqualTo("alice 2");
        assertThat(field(report, "Waiting over a week")).startsWith("1 (1 rust)");
        assertThat(field(report, "Graduates")).isEqualTo("1 — bob learned kafka from alice and now teaches it");
        assertThat(field(report, "Lineage")).isEqualTo("kafka\nalice\n└─ bob (now teaches)\n└─ carol");
        assertThat(field(report, "Broadcast reach")).isEqualTo("5 members · 1 announcement: 4 of 4 DMs delivered"
                + " · 1 meetup held: 3 said they're going; attendance: not recorded");
        assertThat(field(report, "Speakers")).isEqualTo("1 talk by 1 speaker — bus factor 1");
        assertThat(field(report, "Confusion hot spots")).isEqualTo("Kafka (Mar 3): 2 WAIT flags in 10 min"
                + " (0.20/min), 1 question, 1 /learn ticket on it since");
        assertThat(field(report, "Suggestions")).contains("1 wants rust and nobody teaches it — propose a talk");

        // And erin, left waiting over a week, was told once although insights were asked twice: by the daily round
        // on the day her wait passed a week (the console's clock runs each day's round at its own time)
        assertThat(lines.stream().filter(l -> l.path("to").asText().equals("erin"))
                .map(l -> l.path("text").asText()).filter(t -> t.startsWith("🕰 Your /learn *rust* ticket has waited")))
                .singleElement().asString().startsWith("🕰 Your /learn *rust* ticket has waited 7 days");

        // And each report's three charts were written as PNGs that open, each with its summary
        List<JsonNode> files = lines.stream().filter(l -> l.has("file")).toList();
        assertThat(files).hasSize(6).allSatisfy(file -> assertThat(file.path("to").asText()).isEqualTo("alice"));
        assertThat(files.subList(0, 3)).extracting(f -> f.path("title").asText())
                .containsExactly("Demand by topic", "Time to match", "Graduation tree: kafka");
        assertThat(files.get(0).path("text").asText()).isEqualTo("Waiting learners by topic: rust 1 (no teacher).");
        assertThat(files.get(2).path("text").asText()).isEqualTo("Who taught whom on kafka: alice → bob, alice → carol."
                + " Now teaching it after learning it here: bob.");
        for (JsonNode file : files) {
            BufferedImage image = ImageIO.read(Path.of(file.path("file").asText()).toFile());
            assertThat(image).as(file.path("file").asText() + " opens as an image").isNotNull();
            assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
        }
    }

    @Test
    void nothingInTheInsightsSaysWhoRaisedAWaitFlag() throws Exception {
        // Given yuki and zed raised the WAIT flags (and zed asked the question) in the scripted session
        List<JsonNode> lines = run("history.txt");

        // When we read everything insights said: the reports, the charts' summaries and titles
        List<JsonNode> insights = lines.stream().filter(l -> l.path("text").asText().startsWith("📈 Insights")
                || l.has("file")).toList();

        // Then neither trainee is named or identified anywhere in them
        assertThat(insights).isNotEmpty().allSatisfy(line -> assertThat(line.toString())
                .doesNotContainIgnoringCase("yuki").doesNotContainIgnoringCase("zed"));
        // while the session itself is there, as counts
        assertThat(insights.get(0).toString()).contains("2 WAIT flags");
    }

    private static String field(JsonNode message, String label) {
        for (JsonNode field : message.path("fields")) {
            if (field.path("label").asText().equals(label)) {
                return field.path("value").asText();
            }
        }
        throw new AssertionError("no field " + label + " in " + message);
    }

    List<JsonNode> run(String resource) throws IOException {
        return ConsoleRunner.runScript(dir.resolve("guildhall.db"), AdjustableClock.fixedAt(BotExtension.START),
                ConsoleRunner.resource("/insights/" + resource), Optional.of(dir.resolve("files")));
    }
}
