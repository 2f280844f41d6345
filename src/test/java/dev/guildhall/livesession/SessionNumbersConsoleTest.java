package dev.guildhall.livesession;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.guildhall.testing.ConsoleRunner.textsTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: the presenter can't flag in their own session, and the timeline's rows add up to its peak. */
class SessionNumbersConsoleTest {
    @TempDir
    Path dir;

    @Test
    void thePresentersOwnWaitIsRefusedAndTheTimelineShowsThePeakOfEachStep() throws Exception {
        List<String> script = new ArrayList<>(List.of(
                "@alice #vpc /session start \"VPC peering\"",
                "@alice #vpc /wait",
                "@alice #vpc /wait what is a transit gateway?",
                "@alice #vpc !press livesession.wait:1",
                "@bob #vpc /wait",
                "@carol #vpc /wait",
                "!advance 1m",
                "@bob #vpc /wait ok",
                "@carol #vpc /wait ok",
                "!advance 10m"));
        // a long, busy session: its timeline needs steps of 2 minutes, and bob's and carol's flags fell inside one
        for (int minute = 0; minute < 40; minute++) {
            script.add("@p" + minute + " #vpc /wait");
            script.add("!advance 1m");
        }
        script.add("@alice #vpc /session end");
        List<JsonNode> out = ConsoleRunner.run(dir, AdjustableClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z")),
                script.toArray(String[]::new));

        // the presenter is told, three times, and nothing of hers counts
        List<String> alice = textsTo(out, "alice");
        assertThat(alice.stream().filter(t -> t.startsWith("You're presenting *VPC peering*, so your own flag or"
                + " question would look like someone in the audience is lost."))).hasSize(3);
        assertThat(out).noneMatch(l -> l.path("text").asText().startsWith("❓ Anonymous question"));
        // bob and carol were lost at once, and both recovered within the first step: its row says 2, not 0
        JsonNode summary = ConsoleRunner.to(out, "alice").stream()
                .filter(l -> l.path("text").asText().contains("— summary")).findFirst().orElseThrow();
        String flags = summary.get("fields").get(0).get("value").asText();
        String timeline = summary.get("fields").get(1).get("value").asText();
        assertThat(summary.get("fields").get(1).get("label").asText()).isEqualTo("Timeline of confusion (flags per 2"
                + " min)");
        assertThat(timeline).startsWith("10:00  ▮▮  2 raised · 2 lost at most\n");
        // and the peak the summary names is one of the rows, marked
        Matcher peak = Pattern.compile("at most (\\d+) lost at once").matcher(flags);
        assertThat(peak.find()).as(flags).isTrue();
        assertThat(timeline).contains(" · " + peak.group(1) + " lost at most ← peak");
    }
}
