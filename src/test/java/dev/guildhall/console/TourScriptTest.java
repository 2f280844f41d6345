package dev.guildhall.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's five-minute tour, {@code docs/tour.console}, run through the real console as a reader runs it
 * ({@code java -jar target/guildhall.jar --script docs/tour.console}), so the tour never goes stale — on any day.
 */
class TourScriptTest {
    private static final Path TOUR = Path.of("docs/tour.console");

    @TempDir
    Path dir;

    static Stream<Instant> days() {
        // a pinned day, today, and a night when Europe leaves summer time: the tour holds no date that goes stale
        return Stream.of(BotExtension.START, Instant.now(), Instant.parse("2031-10-25T23:30:00Z"));
    }

    @ParameterizedTest
    @MethodSource("days")
    void theTourTouchesEveryCapabilityAndEachStepDoesWhatItSays(Instant startingAt) throws IOException {
        // Given the tour script, when it runs through the console from that moment
        List<JsonNode> lines = run(startingAt);

        // Then mentorship: bob is matched with alice, who accepted
        assertThat(ConsoleRunner.textsTo(lines, "bob")).as("started at %s", startingAt)
                .anyMatch(t -> t.startsWith("✅ The match is on: alice will teach you *kubernetes*."));
        // guilds: the announcement reached both members, and the meetup's reminders came in each reader's zone
        assertThat(ConsoleRunner.textsTo(lines, "alice")).anyMatch(t -> t.equals("✅ Announcement to *Platform guild*: delivered to 2 of 2 — done."));
        for (String member : List.of("bob", "carol")) {
            assertThat(ConsoleRunner.textsTo(lines, member)).as(member + "'s reminders, started at %s", startingAt)
                    .anyMatch(t -> t.startsWith("⏰ 24-hour reminder: *Operators deep dive*"))
                    .anyMatch(t -> t.startsWith("⏰ 1-hour reminder: *Operators deep dive*"))
                    .anyMatch(t -> t.startsWith("🟢 Starting now: *Operators deep dive*"));
        }
        assertThat(ConsoleRunner.textsTo(lines, "bob")).anyMatch(t -> t.contains("(America/New_York)"));
        // working groups: the group's channel is made, bob joins, carol waits, bob's result reaches the guild
        assertThat(ConsoleRunner.textsTo(lines, "alice")).anyMatch(t -> t.startsWith("✅ Working group *vpc* is ready"));
        assertThat(ConsoleRunner.textsTo(lines, "carol")).anyMatch(t -> t.startsWith("⏳ *vpc* is full"));
        assertThat(ConsoleRunner.textsIn(lines, "platform")).anyMatch(t -> t.startsWith("📦 From working group *vpc*"));
        // live sessions: two anonymous flags and a question reach the presenter as counts, never as names
        List<String> summary = lines.stream().filter(l -> "alice".equals(l.path("to").asText(null))
                && l.path("text").asText().startsWith("📝 *VPC peering* — summary")).map(JsonNode::toString).toList();
        assertThat(summary).singleElement().asString().contains("2 flags raised", "what is a transit gateway?")
                .doesNotContain("bob", "carol");
        // programmes and checks: the question is added, and carol's anonymous question reaches the owner unnamed
        assertThat(ConsoleRunner.textsTo(lines, "alice")).anyMatch(t -> t.startsWith("📝 Added question 1 to the *Networking* check"));
        assertThat(ConsoleRunner.textsTo(lines, "alice")).filteredOn(t -> t.startsWith("❓ An anonymous question about *Networking*"))
                .singleElement().asString().doesNotContain("carol");
        // insights: the lead's report counts what happened, with a chart
        JsonNode insights = lines.stream().filter(l -> l.path("text").asText().startsWith("📈 Insights")).findFirst()
                .orElseThrow(() -> new AssertionError("no insights report, started at " + startingAt));
        assertThat(insights.toString()).contains("1 of 1 proposal accepted", "2 WAIT flags", "2 of 2 DMs delivered");
        assertThat(lines).anyMatch(l -> l.has("file") && "alice".equals(l.path("to").asText()));
        // your data: carol is forgotten
        assertThat(ConsoleRunner.textsTo(lines, "carol")).last().asString().startsWith("Done: Guildhall has forgotten you.");
    }

    private List<JsonNode> run(Instant startingAt) throws IOException {
        return ConsoleRunner.runScript(dir.resolve("tour.db"), AdjustableClock.fixedAt(startingAt),
                Files.readString(TOUR));
    }
}
