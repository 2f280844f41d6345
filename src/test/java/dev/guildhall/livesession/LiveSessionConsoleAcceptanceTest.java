package dev.guildhall.livesession;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6's first acceptance point, through the console's --script --json exactly as a user runs it. */
class LiveSessionConsoleAcceptanceTest {
    @TempDir
    Path directory;

    @Test
    void theWholeSessionAsTheConsoleShowsIt() throws IOException {
        // Given the acceptance script (src/test/resources/livesession/acceptance.txt)
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z"));

        // When it runs through the console with --json
        List<JsonNode> lines = ConsoleRunner.runScript(directory.resolve("guildhall.db"), clock,
                ConsoleRunner.resource("/livesession/acceptance.txt"));
        Cursor cursor = new Cursor(lines);

        // Then alice starts a session in #vpc: the channel gets the invitation with its two buttons
        JsonNode invitation = cursor.next("invitation", line -> "vpc".equals(text(line, "channel"))
                && line.get("ephemeral").asBoolean() == false
                && text(line, "text").contains("Lost? Press *I don't get this yet* or type `/wait` — nobody, not even"
                + " the presenter, sees who."));
        assertThat(invitation.get("buttons").findValuesAsText("label"))
                .containsExactly("I don't get this yet", "I get it now");

        // bob and carol /wait, each privately confirmed; alice gets the nudge and her board shows 2
        cursor.next("bob's private confirmation", line -> privately(line, "bob") && text(line, "text").contains("flag is up"));
        cursor.next("carol's private confirmation", line -> privately(line, "carol") && text(line, "text").contains("flag is up"));
        cursor.next("the nudge", line -> toAlice(line)
                && text(line, "text").contains("2 people are lost — pause and ask what's unclear"));
        JsonNode two = cursor.next("the board at 2", line -> board(line) && text(line, "text").contains("*2 lost*"));

        // bob /wait ok: the board shows 1, updated in place
        cursor.next("bob's retraction", line -> privately(line, "bob") && text(line, "text").contains("flag is down"));
        JsonNode one = cursor.next("the board at 1", line -> board(line)
                && text(line, "text").contains("*1 lost* right now (was 2)"));
        assertThat(text(one, "updates")).isEqualTo(text(two, "updates"));

        // dave asks a question, posted without his name; carol upvotes it
        cursor.next("dave's confirmation", line -> privately(line, "dave")
                && text(line, "text").contains("posted in the channel without your name"));
        JsonNode question = cursor.next("the question", line -> "vpc".equals(text(line, "channel"))
                && text(line, "text").equals("❓ Anonymous question: what is a transit gateway?"));
        assertThat(question.get("buttons").findValuesAsText("id")).containsExactly("livesession.upvote:1");
        cursor.next("carol's vote", line -> privately(line, "carol") && text(line, "text").contains("Counted"));
        cursor.next("the question with its vote", line -> text(question, "ref").equals(text(line, "updates"))
                && text(line, "context").startsWith("▲1 vote"));

        // alice ends the session and gets the summary with the question and its vote
        JsonNode summary = cursor.next("the summary", line -> toAlice(line) && text(line, "text").contains("— summary"));
        assertThat(field(summary, "Questions")).isEqualTo("1. what is a transit gateway? — ▲1 vote");
        assertThat(field(summary, "Timeline of confusion (flags per minute)")).contains("10:00  ▮▮▮  3 raised · 2 lost at most ← peak");
        assertThat(summary.get("buttons").findValuesAsText("id"))
                .containsExactly("livesession.recap:1", "livesession.learn-invite:1");
        assertThat(lines).noneMatch(line -> text(line, "text").contains("bob") || text(line, "text").contains("carol")
                || text(line, "text").contains("dave"));
    }

    @Test
    void advancingTheConsoleClockTakesUnrenewedFlagsDown() throws IOException {
        // Given two flags raised at 10:00, one renewed at 10:04
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z"));
        List<JsonNode> lines = ConsoleRunner.runScript(directory.resolve("guildhall.db"), clock, """
                @alice #vpc /session start "VPC peering"
                @bob #vpc /wait
                @carol #vpc /wait
                !advance 4m
                @bob #vpc !press livesession.wait:1
                !advance 2m
                !advance 4m
                """);
        Cursor cursor = new Cursor(lines);

        // Then !advance lets the unrenewed flag expire first, then the renewed one, each updating the board
        cursor.next("the board at 2", line -> board(line) && text(line, "text").contains("*2 lost*"));
        cursor.next("the 10:06 note", line -> text(line, "note").contains("10:06"));
        cursor.next("carol's flag expired", line -> board(line) && text(line, "text").contains("*1 lost* right now (was 2)"));
        cursor.next("the 10:10 note", line -> text(line, "note").contains("10:10"));
        cursor.next("bob's flag expired", line -> board(line) && text(line, "text").contains("*0 lost* right now (was 1)"));
    }

    private static boolean privately(JsonNode line, String who) {
        return who.equals(text(line, "to")) && line.get("ephemeral").asBoolean();
    }

    private static boolean toAlice(JsonNode line) {
        return "alice".equals(text(line, "to")) && !line.get("ephemeral").asBoolean() && line.get("channel").isNull();
    }

    private static boolean board(JsonNode line) {
        return toAlice(line) && line.has("updates") && text(line, "text").contains("live board");
    }

    private static String text(JsonNode line, String name) {
        JsonNode value = line.get(name);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String field(JsonNode line, String label) {
        for (JsonNode field : line.get("fields")) {
            if (field.get("label").asText().equals(label)) {
                return field.get("value").asText();
            }
        }
        throw new AssertionError("no field " + label + " in " + line);
    }

    /** Finds lines in order: each expectation must come after the one before. */
    private static final class Cursor {
        private final List<JsonNode> lines;
        private int position;

        Cursor(List<JsonNode> lines) {
            this.lines = new ArrayList<>(lines);
        }

        JsonNode next(String what, Predicate<JsonNode> matches) {
            for (int i = position; i < lines.size(); i++) {
                if (matches.test(lines.get(i))) {
                    position = i + 1;
                    return lines.get(i);
                }
            }
            throw new AssertionError("expected " + what + " after line " + position + " of:\n"
                    + String.join("\n", lines.stream().map(JsonNode::toString).toList()));
        }
    }
}
