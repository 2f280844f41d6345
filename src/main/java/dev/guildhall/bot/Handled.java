package dev.guildhall.bot;

import dev.guildhall.core.Reply;

import java.util.Map;

/**
 * How the bot answered one inbound request. {@code callerMayBeIdentified} is false for an anonymous command or press:
 * the adapter must then do nothing that names the caller (no profile look-up, no stored way to reach them). For a
 * form sent, {@code problems} holds what to fix by field name (the reply says the same in words), and {@code preview}
 * says the reply is a preview to confirm, nothing done yet.
 */
public record Handled(Reply reply, boolean callerMayBeIdentified, RequestObserver.Outcome outcome,
                      Map<String, String> problems, boolean preview) {
    public Handled {
        problems = Map.copyOf(problems);
    }

    public Handled(Reply reply, boolean callerMayBeIdentified, RequestObserver.Outcome outcome) {
        this(reply, callerMayBeIdentified, outcome, Map.of(), false);
    }
}
