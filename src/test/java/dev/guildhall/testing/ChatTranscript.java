package dev.guildhall.testing;

import dev.guildhall.console.ConsoleMentions;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat that only remembers what it was asked to say. */
public class ChatTranscript implements ChatPort {
    public record Sent(String kind, String to, Message message, String ref) {
        /** Recorded as a chat without mention markup shows it, like the console. */
        public Sent {
            message = ConsoleMentions.render(message);
        }

        public String text() {
            return message.text();
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger refs = new AtomicInteger();

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> to(String who) {
        return sent.stream().filter(s -> s.to().equals(who)).toList();
    }

    public void clear() {
        sent.clear();
    }

    @Override
    public MessageRef sendDirect(PersonId to, Message message) {
        MessageRef ref = new MessageRef(to.platform() + ":@" + to.localPart() + ":" + refs.incrementAndGet());
        sent.add(new Sent("DIRECT", to.value(), message, ref.value()));
        return ref;
    }

    @Override
    public MessageRef post(ChannelId channel, Message message) {
        MessageRef ref = new MessageRef(channel.platform() + ":#" + channel.localPart() + ":" + refs.incrementAndGet());
        sent.add(new Sent("POST", channel.value(), message, ref.value()));
        return ref;
    }

    @Override
    public void postEphemeral(ChannelId channel, PersonId to, Message message) {
        sent.add(new Sent("EPHEMERAL", to.value(), message, null));
    }

    @Override
    public void update(MessageRef ref, Message message) {
        sent.add(new Sent("UPDATE", ref.value(), message, ref.value()));
    }

    @Override
    public ChannelId createChannel(String name, List<PersonId> invite) {
        return ChannelId.of(invite.get(0).platform(), name);
    }

    @Override
    public void archiveChannel(ChannelId channel) {
    }

    @Override
    public Optional<Person> lookup(PersonId id) {
        return Optional.empty();
    }
}
