package dev.guildhall.bot;

import dev.guildhall.core.Reply;

/**
 * How the bot answered one inbound request. {@code callerMayBeIdentified} is false for an anonymous command or press:
 * the adapter must then do nothing that names the caller (no profile look-up, no stored way to reach them).
 */
public record Handled(Reply reply, boolean callerMayBeIdentified, RequestObserver.Outcome outcome) {
}
