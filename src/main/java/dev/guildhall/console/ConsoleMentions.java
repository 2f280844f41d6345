package dev.guildhall.console;

import dev.guildhall.core.Mentions;
import dev.guildhall.core.Message;

/**
 * The console has no mention markup: {@code @bob} and {@code #general} are typed as plain text, which the core reads
 * as console names. Tokens the core writes show the same way: {@code @bob}, {@code #general} (test harnesses that
 * stand in for an adapter show them this way too).
 */
public final class ConsoleMentions {
    private ConsoleMentions() {
    }

    /** What a person typed, unable to carry a token. */
    static String tokens(String typed) {
        return Mentions.inert(typed);
    }

    public static Message render(Message message) {
        return message.mapTexts(text -> Mentions.render(text,
                person -> "@" + (isConsole(person.id().platform()) ? person.id().localPart() : person.label()),
                channel -> isConsole(channel.id().platform()) ? "#" + channel.id().localPart() : channel.label()));
    }

    private static boolean isConsole(String platform) {
        return platform.equals(ConsoleChatPort.PLATFORM);
    }
}
