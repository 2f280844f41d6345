package dev.guildhall.core;

import java.util.List;

/** What the caller of a command (or presser of a button) sees at once, only they: Slack's ack, the console's answer. */
public record Reply(List<Message> messages) {
    public Reply {
        messages = List.copyOf(messages);
    }

    public static Reply of(String text) {
        return new Reply(List.of(Message.text(text)));
    }

    public static Reply of(Message message) {
        return new Reply(List.of(message));
    }

    public static Reply none() {
        return new Reply(List.of());
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
