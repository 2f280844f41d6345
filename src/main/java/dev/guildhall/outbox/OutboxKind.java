package dev.guildhall.outbox;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.PersonId;

import java.util.OptionalInt;

/**
 * What an outbox row asks of the platform, and how each kind is delivered. The column takes exactly these names (a
 * CHECK constraint, see the migration {@code outbox_kinds_and_statuses} in {@code db/sqlite} and
 * {@code db/postgresql}).
 *
 * <p>Each kind is delivered to an address: the row's recipient, or for an {@link #UPDATE} the ref of the message it
 * replaces. The answer is what the row keeps as its {@code message_ref}: where the message went, or for channel
 * operations the channel.
 */
public enum OutboxKind {
    /** A message to a person; the address is the person. */
    DIRECT(Method.POST) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException {
            return port.sendDirect(new PersonId(address), MessageJson.read(payload));
        }
    },
    /** A message in a channel; the address is the channel. */
    POST(Method.POST) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException {
            return port.post(new ChannelId(address), MessageJson.read(payload));
        }
    },
    /** A new text for an earlier message; the address is that message's ref. */
    UPDATE(Method.UPDATE) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException {
            MessageRef original = new MessageRef(address);
            port.update(original, MessageJson.read(payload));
            return original;
        }
    },
    /** A file shared with a person. */
    FILE_DIRECT(Method.POST) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException {
            return port.sendFileDirect(new PersonId(address), MessageJson.readFile(payload));
        }
    },
    /** A file shared in a channel. */
    FILE_POST(Method.POST) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException {
            return port.postFile(new ChannelId(address), MessageJson.readFile(payload));
        }
    },
    /**
     * A file shared earlier, to delete for everyone; the address is the conversation it was shared in, the payload
     * names the file by the ref sharing it returned, and so does the answer.
     */
    DELETE_FILE(Method.POST) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException {
            MessageRef file = new MessageRef(MessageJson.readFileRef(payload));
            port.deleteFile(file);
            return file;
        }
    },
    /**
     * A conversation of several people to start with a first message (a group DM); the address is the first of them,
     * the payload names them all and the message. The answer is where the message went.
     */
    GROUP_CHAT(Method.CONVERSATIONS) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException {
            GroupChatRequest request = GroupChatRequest.read(payload);
            return port.openGroupChat(request.members(), request.message());
        }
    },
    /** A channel to create; the address is the first person invited. The answer is the new channel. */
    CHANNEL(Method.CONVERSATIONS) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException {
            ChannelRequest request = ChannelRequest.read(payload);
            return new MessageRef(port.createChannel(request.name(), request.people(), request.besideChannel()).value());
        }
    },
    /** A channel to archive; the address is the channel, and so is the answer. */
    ARCHIVE(Method.CONVERSATIONS) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException {
            port.archiveChannel(new ChannelId(address));
            return new MessageRef(address);
        }
    },
    /**
     * How many are in a channel; the address is the channel. The answer is the count, or empty when the platform
     * cannot tell — never a failure, so a question nobody must wait for is never retried.
     */
    MEMBER_COUNT(Method.CONVERSATIONS) {
        @Override
        MessageRef deliver(ChatPort port, String address, String payload) {
            OptionalInt count = port.memberCount(new ChannelId(address));
            return new MessageRef(count.isPresent() ? String.valueOf(count.getAsInt()) : "");
        }
    };

    /** The platform method a kind is counted under by the pace (Slack limits each method on its own). */
    private enum Method { POST, UPDATE, CONVERSATIONS }

    private final Method method;

    OutboxKind(Method method) {
        this.method = method;
    }

    /** Calls the platform for a row of this kind; returns what the row keeps as its {@code message_ref}. */
    abstract MessageRef deliver(ChatPort port, String address, String payload) throws DeliveryException;

    /**
     * Whether the address names its workspace. A message ref is the adapter's own (channel and timestamp): an update
     * cannot say which workspace it counts against, so it is paced per platform and never makes a workspace wait.
     */
    boolean addressNamesWorkspace() {
        return method != Method.UPDATE;
    }

    /** Where the limits count a delivery to this address: platform, workspace, channel (a DM is its own), method. */
    Pacer.Target target(String address) {
        int colon = address.indexOf(':');
        String platform = colon < 0 ? address : address.substring(0, colon);
        int last = address.lastIndexOf(':');
        String parent = last <= colon ? platform : address.substring(0, last);
        return switch (method) {
            case UPDATE -> new Pacer.Target(platform, platform, parent, "update");
            case CONVERSATIONS -> new Pacer.Target(platform, parent, address, "conversations");
            case POST -> new Pacer.Target(platform, parent, address, "post");
        };
    }
}
