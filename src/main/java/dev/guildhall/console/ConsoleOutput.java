package dev.guildhall.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.guildhall.core.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Prints what the bot says: readable text for people, or with {@code --json} one JSON object per line for scripts
 * ({@code to}, {@code channel}, {@code text}, {@code ephemeral}, {@code buttons} with {@code id} and {@code label};
 * also {@code fields}, {@code context}, {@code ref}, and {@code updates} when a message replaces an earlier one).
 */
final class ConsoleOutput {

    private final PrintStream out;
    private final boolean json;

    ConsoleOutput(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** One outbound message. {@code to} and {@code channel} are console names (alice, general) or null. */
    synchronized void message(String to, String channel, Message message, boolean ephemeral, String ref, String updates) {
        if (json) {
            out.println(toJson(to, channel, message, ephemeral, ref, updates));
        } else {
            out.println(toText(to, channel, message, ephemeral, updates != null));
        }
        out.flush();
    }

    /**
     * The first message of a conversation of several people: JSON lines carry {@code group}, the console names of
     * everyone in it, and no {@code to}.
     */
    synchronized void group(java.util.List<String> people, Message message, String ref) {
        if (json) {
            ObjectNode node = node(null, null, message, false, ref, null);
            ArrayNode group = node.putArray("group");
            people.forEach(group::add);
            out.println(node);
        } else {
            out.println(toText("group DM → " + String.join(", ", people), "you", message, false));
        }
        out.flush();
    }

    /** A shared file, written to {@code path}: JSON lines carry {@code file}, {@code title} and the summary as text. */
    synchronized void file(String to, String channel, FileUpload file, Path path, String ref) {
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("to", to);
            node.put("channel", channel);
            node.put("text", file.summary());
            node.put("ephemeral", false);
            node.putArray("buttons");
            node.put("file", path.toString());
            node.put("title", file.title());
            node.put("ref", ref);
            out.println(node);
        } else {
            String where = channel != null ? "#" + channel : "DM → " + to;
            out.println("[" + where + "] 📎 " + file.title() + ": " + path
                    + (file.summary().isEmpty() ? "" : "\n    " + file.summary()));
        }
        out.flush();
    }

    synchronized void note(String text) {
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("note", text);
            out.println(node);
        } else {
            out.println("· " + text);
        }
        out.flush();
    }

    synchronized void error(String text) {
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("error", text);
            out.println(node);
        } else {
            out.println("! " + text);
        }
        out.flush();
    }

    private static String toJson(String to, String channel, Message message, boolean ephemeral, String ref,
                                 String updates) {
        try {
            return Json.MAPPER.writeValueAsString(node(to, channel, message, ephemeral, ref, updates));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode node(String to, String channel, Message message, boolean ephemeral, String ref,
                                   String updates) {
        message = ConsoleMentions.render(message);
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("to", to);
        node.put("channel", channel);
        node.put("text", message.text());
        node.put("ephemeral", ephemeral);
        ArrayNode buttons = node.putArray("buttons");
        pressable(message).forEach(b -> buttons.addObject().put("id", b.actionId()).put("label", b.label()));
        ArrayNode fields = node.putArray("fields");
        message.fields().forEach(f -> fields.addObject().put("label", f.label()).put("value", f.value()));
        node.put("context", message.context());
        node.put("ref", ref);
        if (updates != null) {
            node.put("updates", updates);
        }
        return node;
    }

    private static String toText(String to, String channel, Message message, boolean ephemeral, boolean update) {
        String where;
        if (ephemeral) {
            where = "only " + to + " sees" + (channel == null ? "" : ", in #" + channel);
        } else if (channel != null) {
            where = "#" + channel;
        } else {
            where = "DM → " + to;
        }
        return toText(where, to == null ? "you" : to, message, update);
    }

    private static String toText(String where, String presser, Message message, boolean update) {
        message = ConsoleMentions.render(message);
        StringBuilder text = new StringBuilder();
        text.append('[').append(update ? "updated " : "").append(where).append("] ").append(message.text());
        message.fields().forEach(f -> text.append("\n    ").append(f.label()).append(": ").append(f.value()));
        if (message.context() != null) {
            text.append("\n    (").append(message.context()).append(')');
        }
        pressable(message).forEach(b -> text.append("\n    [ ").append(b.label()).append(" ]  → @").append(presser)
                .append(" !press ").append(b.actionId()));
        return text.toString();
    }

    /** The console has no text box on a message, so a button that sends text is left out (like on Slack). */
    private static java.util.List<Message.Button> pressable(Message message) {
        return message.buttons().stream().filter(b -> !b.takesText()).toList();
    }
}
