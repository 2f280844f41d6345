package dev.guildhall.programme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18's acceptance, through the console's --script --json exactly as a user runs it. */
class ProgrammeConsoleAcceptanceTest {
    private static final List<String> TRAINEES = List.of("bob", "carol", "dave", "erin");
    /** Whose each check round is, as the script's presses use them. */
    private static final Map<Integer, String> ROUNDS = Map.of(1, "bob", 2, "carol", 3, "dave", 4, "erin", 5, "erin",
            6, "erin");
    private static final String MISSED_BY_DAVE = "What restarts a crashed container in a pod?";

    @TempDir
    Path directory;
    private List<JsonNode> lines;

    @BeforeEach
    void runTheScript() throws IOException {
        // Given the acceptance script (src/test/resources/programme/acceptance.txt), run through the console
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-12-07T09:00:00Z"));
        lines = ConsoleRunner.runScript(directory.resolve("guildhall.db"), clock, ConsoleRunner.resource("/programme/acceptance.txt"));
    }

    @Test
    void theCheckGoesOutWhenTheSessionEndsAndEachPersonClosesTheirOwnGaps() {
        Cursor cursor = new Cursor(lines);
        // Then the cohort's slots get presenters from the owners, each module flagged with its single owner
        JsonNode cohort = cursor.next("the cohort", line -> to(line, "alice") && text(line).startsWith("🚀"));
        assertThat(field(cohort, "1. Pods")).isEqualTo("presented by olivia · ⚠️ bus-factor risk");
        // the owner's live session ends and the check goes to the four, by DM, options shuffled with buttons A, B, C
        cursor.next("the session ends", line -> to(line, "olivia") && text(line).startsWith("Ended *Pods*"));
        for (String trainee : TRAINEES) {
            JsonNode first = cursor.next(trainee + "'s check", line -> dm(line, trainee)
                    && text(line).startsWith("📝 *Pods* — knowledge check, question 1 of 3\nWhat is a pod?\nA) "));
            assertThat(first.get("buttons").findValuesAsText("label")).containsExactly("A", "B", "C");
        }
        // two answer everything right, one misses question 2, one misses questions 2 and 3
        cursor.next("bob's result", line -> to(line, "bob") && text(line).equals("✅ *Pods* — you got all 3 right. Well done!"));
        cursor.next("carol's result", line -> to(line, "carol") && text(line).startsWith("✅ *Pods* — you got all 3 right"));
        JsonNode dave = cursor.next("dave's result", line -> to(line, "dave")
                && text(line).startsWith("📝 *Pods* — you got 2 of 3 right."));
        assertThat(field(dave, MISSED_BY_DAVE)).startsWith("Right answer: The kubelet\nThe kubelet on the node");
        assertThat(dave.get("buttons").findValuesAsText("label"))
                .containsExactly("Go through it again", "Find me a mentor for this", "Ask anonymously");
        assertThat(text(dave, "context")).contains("only the teacher who accepts will see the questions you missed");
        JsonNode erin = cursor.next("erin's result", line -> to(line, "erin")
                && text(line).startsWith("📝 *Pods* — you got 1 of 3 right."));
        assertThat(erin.get("fields")).hasSize(2);
        // answering twice changes nothing
        cursor.next("erin's second answer", line -> to(line, "erin")
                && text(line).equals("You've already answered that one; your first answer counts."));
        // dave asks for a mentor: tom, who teaches the topic, is proposed, the missed question only seen once he accepts
        cursor.next("dave's ticket", line -> to(line, "dave") && text(line).startsWith("🤝 I've opened /learn ticket #1 on *pods*"));
        JsonNode proposal = cursor.next("tom's proposal", line -> dm(line, "tom") && text(line).equals("📚 Can you teach *pods* to dave?"));
        assertThat(proposal.toString()).doesNotContain(MISSED_BY_DAVE);
        cursor.next("dave hears of tom", line -> dm(line, "dave") && text(line).contains("I've found you a teacher for *pods*: tom"));
        JsonNode accepted = cursor.next("tom accepted", line -> dm(line, "tom") && text(line).startsWith("✅ The match is on"));
        assertThat(field(accepted, "dave wants to")).isEqualTo("Close my gaps from the *Pods* check: " + MISSED_BY_DAVE);
        // erin goes through it again: re-asked after 3 days, answers right, asked once more after 7 more days
        cursor.next("erin's plan", line -> to(line, "erin") && text(line).startsWith("🔁 I'll ask you those 2 questions again on Thu 10 Dec"));
        cursor.next("3 days later", line -> text(line, "note").equals("the clock is now 2026-12-10T09:00:00Z"));
        cursor.next("erin's re-check", line -> dm(line, "erin") && text(line).startsWith("🔁 *Pods* — re-check, question 1 of 2\n" + MISSED_BY_DAVE));
        cursor.next("erin right", line -> to(line, "erin") && text(line).startsWith("🔁 *Pods* re-check — 2 of 2 right."
                + " Right again once more and it's closed: I'll ask once more on Thu 17 Dec."));
        cursor.next("7 days later", line -> text(line, "note").equals("the clock is now 2026-12-17T09:00:00Z"));
        cursor.next("erin asked once more", line -> dm(line, "erin") && text(line).startsWith("🔁 *Pods* — re-check, question 1 of 2"));
        cursor.next("erin's gaps closed", line -> to(line, "erin") && text(line).contains("2 gaps are closed for good ✓"));
        // the owner's view says question 2 was missed by 2 of 4 and names nobody
        JsonNode owner = cursor.next("the owner's view", line -> to(line, "olivia") && text(line).startsWith("📊 *Pods*"));
        assertThat(field(owner, "2. " + MISSED_BY_DAVE)).isEqualTo("missed by 2 of 4");
        assertThat(field(owner, "1. What is a pod?")).isEqualTo("missed by 0 of 4");
        // /programme me shows each person's own gaps only
        JsonNode daveMap = cursor.next("dave's map", line -> to(line, "dave") && text(line).startsWith("🗺"));
        assertThat(field(daveMap, "1. Pods")).isEqualTo("checked — 2 of 3 right the first time\n• open gap: "
                + MISSED_BY_DAVE + " — mentor: /learn ticket #1, matched");
        JsonNode erinMap = cursor.next("erin's map", line -> to(line, "erin") && text(line).startsWith("🗺"));
        assertThat(field(erinMap, "1. Pods")).startsWith("checked — 1 of 3 right the first time\n• ✓ closed: "
                + MISSED_BY_DAVE + " — right twice on re-checks\n• ✓ closed: Do containers");
        JsonNode bobMap = cursor.next("bob's map", line -> to(line, "bob") && text(line).startsWith("🗺"));
        assertThat(field(bobMap, "1. Pods")).isEqualTo("✅ passed — 3 of 3 right the first time");
        JsonNode insights = cursor.next("the lead's insights", line -> to(line, "alice") && text(line).startsWith("📈"));
        assertThat(field(insights, "1. Pods")).isEqualTo("completion: 4 of 4 finished the check\nfirst-try pass rate:"
                + " Q1 100 % · Q2 50 % · Q3 75 %\ngaps closed within 30 days: 2 of 3 (2 by re-check, 0 with a mentor)");
    }

    @Test
    void nothingAnIndividualAnsweredReachesAnyoneElse() {
        // Once tom accepts, dave and tom are a mentoring pair: what goes to the two of them (the group introduction,
        // the mentor's playbook, "have you met?") may name dave and carry his goal; nothing else may
        boolean tomAccepted = false;
        for (JsonNode line : lines.stream().filter(line -> !line.has("note")).toList()) {
            String all = line.toString();
            List<String> readers = readers(line);
            assertThat(readers).as("every message reaches someone: " + all).isNotEmpty();
            tomAccepted |= to(line, "tom") && text(line).startsWith("✅ The match is on");
            // A question, an answer's result or a re-check goes only to the person whose round it is
            line.path("buttons").findValuesAsText("id").stream()
                    .filter(id -> id.startsWith("check.answer:") || id.startsWith("check.again:")
                            || id.startsWith("check.mentor:"))
                    .forEach(id -> assertThat(readers).as(all)
                            .containsExactly(ROUNDS.get(Integer.parseInt(id.replaceAll("^[a-z.]+:(\\d+).*$", "$1")))));
            if (text(line).contains("you got") || text(line).contains("re-check") || text(line).startsWith("🗺")) {
                assertThat(TRAINEES).as(all).containsAll(readers);
            }
            // Every view for someone else (the owner's, the mentor's, the channel) names no trainee's result
            String shown = text(line) + line.path("fields") + text(line, "context");
            if (!TRAINEES.containsAll(readers) && !text(line).startsWith("📈")) {
                boolean davesPair = tomAccepted && readers.contains("tom") && List.of("dave", "tom").containsAll(readers);
                for (String trainee : TRAINEES) {
                    if (!(davesPair && trainee.equals("dave")) && !text(line).contains("Can you teach")
                            && !text(line).contains("expired")) {
                        assertThat(shown).as("a message to " + readers).doesNotContain(trainee);
                    }
                }
                if (!davesPair && !readers.equals(List.of("olivia"))) {
                    assertThat(shown).as("a message to " + readers).doesNotContain(MISSED_BY_DAVE);
                }
            }
        }
        // The pair's introduction, which carries dave's goal, is a group DM of exactly the two of them
        JsonNode introduction = lines.stream().filter(line -> text(line).startsWith("👋 dave, meet tom")).findFirst()
                .orElseThrow();
        assertThat(readers(introduction)).containsExactlyInAnyOrder("dave", "tom");
        // The owner's view and everyone's insights are counts; only the guild's lead reads who finished, never how
        List<JsonNode> counts = lines.stream().filter(line -> text(line).startsWith("📊 *Pods* — how the check landed")
                || text(line).startsWith("📈") && to(line, "bob")).toList();
        assertThat(counts).hasSize(2);
        counts.forEach(view -> TRAINEES.forEach(trainee -> assertThat(text(view) + view.path("fields"))
                .doesNotContain(trainee)));
        JsonNode lead = lines.stream().filter(line -> text(line).startsWith("📈") && to(line, "alice")).findFirst()
                .orElseThrow();
        assertThat(field(lead, "Cohort starting 2026-12-07"))
                .isEqualTo("4 of 4 finished every check sent so far: bob, carol, dave, erin");
        assertThat(field(lead, "1. Pods")).isEqualTo(field(counts.get(1), "1. Pods"));
    }

    private static boolean to(JsonNode line, String who) {
        return who.equals(text(line, "to"));
    }

    /** Who reads a line: the one it is to, a channel's members (as #channel), or everyone in a group DM. */
    private static List<String> readers(JsonNode line) {
        if (line.hasNonNull("to")) {
            return List.of(line.get("to").asText());
        }
        if (line.hasNonNull("channel")) {
            return List.of("#" + line.get("channel").asText());
        }
        List<String> group = new ArrayList<>();
        line.path("group").forEach(member -> group.add(member.asText()));
        return group;
    }

    private static boolean dm(JsonNode line, String who) {
        return to(line, who) && !line.get("ephemeral").asBoolean() && line.get("channel").isNull();
    }

    private static String text(JsonNode line) {
        return text(line, "text");
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
