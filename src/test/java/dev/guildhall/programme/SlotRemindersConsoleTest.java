package dev.guildhall.programme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Slot reminders, through the console's --script --json with !advance, exactly as a user runs it. */
class SlotRemindersConsoleTest {
    @TempDir
    Path directory;

    @Test
    void eachSlotRemindsItsPresenterAndTheCohortAsItIsThen() throws IOException {
        // Given a cohort starting 2026-12-08 (Pods that day 09:00 UTC, Services moved to 10 Dec 14:00)
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-12-07T08:00:00Z"));
        List<JsonNode> lines = ConsoleRunner.runScript(directory.resolve("guildhall.db"), clock,
                ConsoleRunner.resource("/programme/slot-reminders.txt"));
        List<String> shown = lines.stream().map(SlotRemindersConsoleTest::shown).toList();

        // Then the lead's move is confirmed and the bad ones change nothing, each saying what to type instead
        assertThat(shown).contains("alice: 🗓 *Services* for the cohort starting 2026-12-08 is now Thu 10 Dec 14:00 UTC."
                + " Its presenter and the cohort get reminders 24 h and 1 h before.");
        assertThat(shown).anyMatch(line -> line.startsWith("alice: *Kubernetes in three days* has no module called"
                + " \"Deployments\""));
        assertThat(shown).anyMatch(line -> line.startsWith("alice: I can't read \"someday\" as a time."));
        assertThat(shown).contains("alice: \"2026-12-01 14:00\" is already past. Pick a time ahead.");
        assertThat(shown).anyMatch(line -> line.startsWith("bob: ") && line.contains("move its slots"));
        // and when time passes, each reminder goes at its own time to the presenter and the members of that moment
        String pods = "*Pods* — *Kubernetes in three days*, Tue 8 Dec 09:00 UTC";
        assertThat(reminders(shown, "2026-12-07T09:00:00Z"))
                .isEqualTo(expected("24-hour", pods, "olivia", "bob", "carol"));
        assertThat(reminders(shown, "2026-12-08T08:00:00Z"))
                .isEqualTo(expected("1-hour", pods, "olivia", "bob", "carol", "dave"));
        // Services, which nobody owns, has no presenter; its old time (9 Dec 09:00) reminds nobody
        String services = "*Services* — *Kubernetes in three days*, Thu 10 Dec 14:00 UTC";
        assertThat(reminders(shown, "2026-12-10T08:00:00Z"))
                .isEqualTo(expected("24-hour", services, "bob", "carol", "dave"));
        assertThat(reminders(shown, "2026-12-10T14:00:00Z"))
                .isEqualTo(expected("1-hour", services, "bob", "carol", "dave"));
    }

    /** A line as "who: text", or a clock note as "@instant". */
    private static String shown(JsonNode line) {
        if (line.has("note")) {
            return "@" + line.get("note").asText().replaceAll(".*(\\d{4}-\\d\\d-\\d\\dT[\\d:]+Z).*", "$1");
        }
        return line.path("to").asText() + ": " + line.path("text").asText();
    }

    private static List<String> expected(String which, String slot, String... people) {
        return Arrays.stream(people).map(person -> person + ": ⏰ " + which + " reminder: " + slot).toList();
    }

    /** The reminders an {@code !advance} to {@code to} let fall due (its note comes first, then what fell due). */
    private static List<String> reminders(List<String> shown, String to) {
        int at = shown.indexOf("@" + to);
        assertThat(at).as("the clock reached " + to + " in " + shown).isNotNegative();
        return shown.subList(at + 1, shown.size()).stream().takeWhile(line -> !line.startsWith("@"))
                .filter(line -> line.contains("⏰")).toList();
    }
}
