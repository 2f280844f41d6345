package dev.guildhall.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Sends each operation to the adapter of the platform it names, so one bot can serve Slack and Teams at once. */
public final class RoutingChatPort implements ChatPort {
    private final Map<String, ChatPort> byPlatform;

    public RoutingChatPort(Map<String, ChatPort> byPlatform) {
        this.byPlatform = Map.copyOf(byPlatform);
    }

    private ChatPort port(String platform) throws DeliveryException {
        ChatPort port = byPlatform.get(platform);
        if (port == null) {
            throw DeliveryException.permanent("no adapter is running for platform " + platform);
        }
        return port;
    }

    private static String platformOf(MessageRef ref) {
        int colon = ref.value().indexOf(':');
        return colon < 0 ? "" : ref.value().substring(0, colon);
    }

    @Override
    public MessageRef sendDirect(PersonId to, Message message) throws DeliveryException {
        return port(to.platform()).sendDirect(to, message);
    }

    @Override
    public MessageRef post(ChannelId channel, Message message) throws DeliveryException {
        return port(channel.platform()).post(channel, message);
    }

    /** A channel of a platform no adapter runs for has no count to give. */
    @Override
    public OptionalInt memberCount(ChannelId channel) {
        ChatPort port = byPlatform.get(channel.platform());
        return port == null ? OptionalInt.empty() : port.memberCount(channel);
    }

    @Override
    public void postEphemeral(ChannelId channel, PersonId to, Message message) throws DeliveryException {
        port(channel.platform()).postEphemeral(channel, to, message);
    }

    /** Adapters prefix their message refs with their platform, so an update finds its way back. */
    @Override
    public void update(MessageRef ref, Message message) throws DeliveryException {
        port(platformOf(ref)).update(ref, message);
    }

    @Override
    public ChannelId createChannel(String name, List<PersonId> invite) throws DeliveryException {
        if (invite.isEmpty()) {
            throw DeliveryException.permanent("a new channel needs at least one person to invite");
        }
        return port(invite.get(0).platform()).createChannel(name, invite);
    }

    @Override
    public ChannelId createChannel(String name, List<PersonId> invite, Optional<ChannelId> beside)
            throws DeliveryException {
        if (invite.isEmpty()) {
            throw DeliveryException.permanent("a new channel needs at least one person to invite");
        }
        return port(invite.get(0).platform()).createChannel(name, invite, beside);
    }

    @Override
    public void archiveChannel(ChannelId channel) throws DeliveryException {
        port(channel.platform()).archiveChannel(channel);
    }

    @Override
    public Optional<Person> lookup(PersonId id) throws DeliveryException {
        return port(id.platform()).lookup(id);
    }

    @Override
    public MessageRef openGroupChat(List<PersonId> people, Message message) throws DeliveryException {
        if (people.isEmpty() || people.stream().map(PersonId::platform).distinct().count() != 1) {
            throw DeliveryException.permanent("a group conversation needs people on one platform: " + people);
        }
        return port(people.get(0).platform()).openGroupChat(people, message);
    }

    @Override
    public MessageRef sendFileDirect(PersonId to, FileUpload file) throws DeliveryException {
        return port(to.platform()).sendFileDirect(to, file);
    }

    @Override
    public void deleteFile(MessageRef file) throws DeliveryException {
        String value = file.value();
        port(value.substring(0, Math.max(0, value.indexOf(':')))).deleteFile(file);
    }

    @Override
    public MessageRef postFile(ChannelId channel, FileUpload file) throws DeliveryException {
        return port(channel.platform()).postFile(channel, file);
    }
}
