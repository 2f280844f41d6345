package dev.guildhall.testing;

import dev.guildhall.console.ConsoleMentions;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat that remembers everything the bot sent, for assertions. */
public final class RecordingChatPort implements ChatPort {
    public record Sent(String kind, String target, Message message, String ref) {
        /** Recorded as a chat without mention markup shows it, like the console. */
        public Sent {
            message = ConsoleMentions.render(message);
        }

        public boolean mentions(String text) {
            return message.text().contains(text)
                    || message.fields().stream().anyMatch(f -> f.value().contains(text) || f.label().contains(text));
        }
    }

    /** A file shared with a person or a channel. */
    public record SharedFile(String target, dev.guildhall.core.FileUpload file) {
    }

    private final String platform;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<SharedFile> files = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    public RecordingChatPort(String platform) {
        this.platform = platform;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> directTo(PersonId person) {
        return sent.stream().filter(s -> s.kind().equals("dm") && s.target().equals(person.value())).toList();
    }

    /** First messages of group conversations; a group's target is its people's ids joined by commas. */
    public List<Sent> groups() {
        return sent.stream().filter(s -> s.kind().equals("group")).toList();
    }

    public List<Sent> updates() {
        return sent.stream().filter(s -> s.kind().equals("update")).toList();
    }

    public List<SharedFile> files() {
        return List.copyOf(files);
    }

    @Override
    public MessageRef sendFileDirect(PersonId to, dev.guildhall.core.FileUpload file) {
        files.add(new SharedFile(to.value(), file));
        MessageRef ref = ref();
        sent.add(new Sent("file", to.value(), Message.text(file.fileName()), ref.value()));
        return ref;
    }

    @Override
    public MessageRef postFile(ChannelId channel, dev.guildhall.core.FileUpload file) {
        files.add(new SharedFile(channel.value(), file));
        return ref();
    }

    public void clear() {
        files.clear();
        sent.clear();
    }

    private MessageRef ref() {
        return new MessageRef(platform + ":m" + counter.incrementAndGet());
    }

    @Override
    public MessageRef sendDirect(PersonId to, Message message) throws DeliveryException {
        MessageRef ref = ref();
        sent.add(new Sent("dm", to.value(), message, ref.value()));
        return ref;
    }

    @Override
    public MessageRef post(ChannelId channel, Message message) throws DeliveryException {
        MessageRef ref = ref();
        sent.add(new Sent("post", channel.value(), message, ref.value()));
        return ref;
    }

    @Override
    public MessageRef openGroupChat(List<PersonId> people, Message message) {
        MessageRef ref = ref();
        sent.add(new Sent("group", String.join(",", people.stream().map(PersonId::value).toList()), message,
                ref.value()));
        return ref;
    }

    @Override
    public void postEphemeral(ChannelId channel, PersonId to, Message message) {
        sent.add(new Sent("ephemeral", to.value(), message, null));
    }

    @Override
    public void update(MessageRef ref, Message message) {
        sent.add(new Sent("update", ref.value(), message, ref.value()));
    }

    @Override
    public ChannelId createChannel(String name, List<PersonId> invite) {
        return ChannelId.of(platform, name);
    }

    @Override
    public void archiveChannel(ChannelId channel) {
        sent.add(new Sent("archive", channel.value(), Message.text("(archived)"), null));
    }

    @Override
    public Optional<Person> lookup(PersonId id) {
        return Optional.empty();
    }
}
