package dev.guildhall.mentorship;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.TestBot;
import dev.guildhall.workinggroup.ConsoleScript;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

/** A console script's output (console --script --json), read as what each person saw, one string per message. */
record Script(List<JsonNode> lines) {
    static Script run(Path dir, String... lines) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        return new Script(ConsoleScript.run(dir, AdjustableClock.fixedAt(TestBot.START), lines));
    }

    /** Everything {@code person} saw (replies and DMs, updates included), each as text, fields, context, button ids. */
    List<String> to(String person) {
        return lines.stream().filter(l -> person.equals(l.path("to").asText(null))).map(Script::flat).toList();
    }

    List<String> all() {
        return lines.stream().map(Script::flat).toList();
    }

    static String flat(JsonNode line) {
        StringBuilder text = new StringBuilder(line.path("text").asText(line.path("note").asText(
                line.path("error").asText(""))));
        line.path("fields").forEach(f -> text.append('\n').append(f.path("label").asText()).append(": ")
                .append(f.path("value").asText()));
        if (line.hasNonNull("context")) {
            text.append('\n').append(line.path("context").asText());
        }
        StreamSupport.stream(line.path("buttons").spliterator(), false)
                .forEach(b -> text.append("\n[").append(b.path("label").asText()).append("] ")
                        .append(b.path("id").asText()));
        return text.toString();
    }
}
