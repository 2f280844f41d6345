package dev.guildhall.livesession;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A chat that keeps what it was asked to deliver: {@code @alice} for a DM, {@code #vpc} for a channel. */
final class RecordingChatPort implements ChatPort {
    record Delivered(String target, Message message, boolean update) {
        String text() {
            StringBuilder all = new StringBuilder(message.text());
            message.fields().forEach(f -> all.append('\n').append(f.label()).append(": ").append(f.value()));
            return all.toString();
        }
    }

    final List<Delivered> delivered = new ArrayList<>();
    private int next;

    @Override
    public synchronized MessageRef sendDirect(PersonId to, Message message) {
        return record("@" + to.localPart(), message);
    }

    @Override
    public synchronized MessageRef post(ChannelId channel, Message message) {
        return record("#" + channel.localPart(), message);
    }

    private MessageRef record(String target, Message message) {
        delivered.add(new Delivered(target, message, false));
        return new MessageRef("test:" + target + ":" + (++next));
    }

    @Override
    public void postEphemeral(ChannelId channel, PersonId to, Message message) {
        throw new UnsupportedOperationException("live sessions answer the caller through their reply");
    }

    @Override
    public synchronized void update(MessageRef ref, Message message) {
        delivered.add(new Delivered(ref.value().split(":")[1], message, true));
    }

    @Override
    public ChannelId createChannel(String name, List<PersonId> invite) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void archiveChannel(ChannelId channel) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Person> lookup(PersonId id) {
        return Optional.empty();
    }

    /** Channels whose size this fake reports, as a platform would; any other is unknown. */
    private final java.util.Map<ChannelId, Integer> members = new java.util.concurrent.ConcurrentHashMap<>();

    void members(ChannelId channel, int count) {
        members.put(channel, count);
    }

    @Override
    public OptionalInt memberCount(ChannelId channel) {
        Integer count = members.get(channel);
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    synchronized List<Delivered> to(String target) {
        return delivered.stream().filter(d -> d.target().equals(target)).toList();
    }

    synchronized Delivered lastTo(String target) {
        List<Delivered> all = to(target);
        if (all.isEmpty()) {
            throw new AssertionError("nothing was delivered to " + target + "; delivered: " + delivered);
        }
        return all.get(all.size() - 1);
    }

    /** The presenter's board as it stands: the last update of the first DM that was a board. */
    synchronized String board(String presenter) {
        return to(presenter).stream().filter(d -> d.message().text().contains("live board"))
                .reduce((first, second) -> second).map(Delivered::text)
                .orElseThrow(() -> new AssertionError("no board for " + presenter));
    }

    synchronized long count(String target, String textPart) {
        return to(target).stream().filter(d -> d.text().contains(textPart)).count();
    }

    synchronized void clear() {
        delivered.clear();
    }
}
