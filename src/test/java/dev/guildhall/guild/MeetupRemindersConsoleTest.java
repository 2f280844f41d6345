package dev.guildhall.guild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4's console acceptance: reminders in each member's own time, once, across a restart. */
class MeetupRemindersConsoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void membersGetEachReminderOnceInTheirOwnTimeAcrossARestart() throws Exception {
        // Given a lead in Berlin, members in New York and Tokyo, and a meetup two days ahead (base: Thu 09:00 UTC)
        Path database = dir.resolve("console.db");
        List<JsonNode> first = run(database, """
                @alice !tz Europe/Berlin
                @bob !tz America/New_York
                @carol !tz Asia/Tokyo
                @alice /guild create k8s "Kubernetes guild" #k8s
                @bob /guild join k8s
                @carol /guild join k8s
                @alice /guild meetup k8s "2026-11-28 10:00" "Operators deep dive"
                !advance 25h
                """);

        // Then after 25 hours each member got the 24-hour reminder once, in their own local time
        assertThat(texts(first, "alice")).anySatisfy(t -> assertThat(t).startsWith("📅 Planned meetup #1")
                .contains("Sat 28 Nov 2026, 10:00 (Europe/Berlin)"));
        assertThat(reminders(first, "bob", "⏰ 24-hour reminder")).containsExactly("⏰ 24-hour reminder: *Operators deep dive* —"
                + " Kubernetes guild meetup, Sat 28 Nov 2026, 04:00 (America/New_York)");
        assertThat(reminders(first, "carol", "⏰ 24-hour reminder")).containsExactly("⏰ 24-hour reminder: *Operators deep dive*"
                + " — Kubernetes guild meetup, Sat 28 Nov 2026, 18:00 (Asia/Tokyo)");
        assertThat(reminders(first, "bob", "⏰ 1-hour reminder")).isEmpty();
        assertThat(buttons(first, "bob", "⏰ 24-hour reminder")).containsExactly("guild.going:1", "guild.notgoing:1");

        // When the bot restarts on the same database, its clock from the same base again, and 47.5 hours pass
        List<JsonNode> second = run(database, "!advance 47h30m\n");

        // Then each got the 1-hour reminder once, at its own time (the console lets time pass, it is no downtime),
        // and not the 24-hour one again
        assertThat(reminders(second, "bob", "⏰ 1-hour reminder")).containsExactly("⏰ 1-hour reminder: *Operators deep dive* —"
                + " Kubernetes guild meetup, Sat 28 Nov 2026, 04:00 (America/New_York)");
        assertThat(reminders(second, "carol", "⏰ 1-hour reminder")).hasSize(1);
        assertThat(reminders(second, "bob", "⏰ 24-hour reminder")).isEmpty();
        assertThat(reminders(second, "carol", "⏰ 24-hour reminder")).isEmpty();
        assertThat(reminders(second, "bob", "🟢 Starting now")).isEmpty();
    }

    private static List<JsonNode> run(Path database, String script) throws Exception {
        return ConsoleRunner.runScript(database, AdjustableClock.fixedAt(BotExtension.LATE_NOVEMBER), script);
    }

    private static List<String> texts(List<JsonNode> lines, String to) {
        return lines.stream().filter(l -> to.equals(l.path("to").asText(null))).map(l -> l.path("text").asText())
                .toList();
    }

    private static List<String> reminders(List<JsonNode> lines, String to, String prefix) {
        return lines.stream()
                .filter(l -> to.equals(l.path("to").asText(null)) && !l.path("ephemeral").asBoolean())
                .map(l -> l.path("text").asText())
                .filter(text -> text.startsWith(prefix))
                .toList();
    }

    private static List<String> buttons(List<JsonNode> lines, String to, String prefix) {
        return lines.stream()
                .filter(l -> to.equals(l.path("to").asText(null)) && l.path("text").asText().startsWith(prefix))
                .flatMap(l -> {
                    List<String> ids = new ArrayList<>();
                    l.path("buttons").forEach(b -> ids.add(b.path("id").asText()));
                    return ids.stream();
                })
                .toList();
    }
}
