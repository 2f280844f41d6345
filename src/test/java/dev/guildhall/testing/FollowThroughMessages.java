package dev.guildhall.testing;

import dev.guildhall.core.ActionPress;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.Reply;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages issue 16's follow-through adds, made by the real bot so the adapters' tests render what people get:
 * the listing question, the paused teacher's resume button, "do you understand it yet?", the thanks box, the
 * teaching board and the invitation to teach.
 */
public final class FollowThroughMessages {
    private FollowThroughMessages() {
    }

    public static Map<String, Message> make() {
        Map<String, Message> made = new LinkedHashMap<>();
        try (BotExtension t = BotExtension.wholeBot().begin()) {
            made.put("listing", last(command(t, "alice", "/teach kubernetes")));
            t.press("alice", "mentorship.listing:yes");
            t.say("bob", "/learn kubernetes");
            t.advance(Duration.ofDays(4));
            made.put("paused", t.chat.directTo(BotExtension.id("alice")).stream().map(s -> s.message())
                    .filter(m -> m.text().startsWith("⏸")).findFirst().orElseThrow());
            t.press("alice", "mentorship.resume:1");
            made.put("board", command(t, "carol", "/teach board").messages().get(1));
            t.press("alice", "mentorship.accept:2");
            made.put("understand", last(command(t, "bob", "/learn done 1")));
            Reply understood = t.bot().handle(Inbound.of(new ActionPress(t.person("bob"), Optional.empty(),
                    "mentorship.understood:1"))).reply();
            made.put("thanks", last(understood));
        }
        return made;
    }

    private static Reply command(BotExtension t, String name, String line) {
        int space = line.indexOf(' ');
        Reply reply = t.bot().handle(Inbound.of(new Command(t.person(name), Optional.empty(), line.substring(0, space),
                line.substring(space + 1)))).reply();
        t.bot().runDue();
        return reply;
    }

    private static Message last(Reply reply) {
        List<Message> messages = reply.messages();
        return messages.get(messages.size() - 1);
    }
}
