package dev.guildhall.core;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the bot does in a chat, whatever the platform. Each adapter implements it; the core only ever talks
 * to this port (through the outbox for anything that is not the caller's own reply).
 */
public interface ChatPort {

    /** Sends a direct message to a person. */
    MessageRef sendDirect(PersonId to, Message message) throws DeliveryException;

    /** Posts a message in a channel. */
    MessageRef post(ChannelId channel, Message message) throws DeliveryException;

    /** Shows a message in a channel to one person only. */
    void postEphemeral(ChannelId channel, PersonId to, Message message) throws DeliveryException;

    /** Replaces an earlier message in place. */
    void update(MessageRef ref, Message message) throws DeliveryException;

    /** Creates a channel (the name is a wish: the platform may make it unique) and invites people to it. */
    ChannelId createChannel(String name, List<PersonId> invite) throws DeliveryException;

    /**
     * Creates a channel next to {@code beside}, when one is known: on Teams a channel lives in a team, and the team
     * is the one {@code beside} belongs to. Platforms whose channels stand alone ignore it.
     */
    default ChannelId createChannel(String name, List<PersonId> invite, Optional<ChannelId> beside)
            throws DeliveryException {
        return createChannel(name, invite);
    }

    /** Archives a channel the bot created: nobody can post in it any more, its history stays readable. */
    void archiveChannel(ChannelId channel) throws DeliveryException;

    /** Asks the platform who someone is, with their time zone when it knows it. */
    Optional<Person> lookup(PersonId id) throws DeliveryException;

    /**
     * How many people are in a channel, as the platform reports it — briefly: empty when it cannot tell (a direct
     * chat, a missing permission, an error, no answer within a few seconds). Never throws; a failure is logged.
     * A chat without rosters keeps the default: it cannot tell.
     */
    default OptionalInt memberCount(ChannelId channel) {
        return OptionalInt.empty();
    }

    /**
     * Starts a conversation of these people (all on this platform, at least two) with the bot's first message in it.
     * A platform where a bot cannot start a group chat gives each person the message with a way to reach the others.
     *
     * @return where the message went (the first one, when each person got their own)
     */
    default MessageRef openGroupChat(List<PersonId> people, Message message) throws DeliveryException {
        throw DeliveryException.permanent("this chat cannot start a conversation of several people");
    }

    /** Shares a file with a person. A chat that cannot take files says so; the caller's text summary still stands. */
    default MessageRef sendFileDirect(PersonId to, FileUpload file) throws DeliveryException {
        throw DeliveryException.permanent("this chat cannot take files (" + file.fileName() + ")");
    }

    /**
     * Deletes a file the bot shared earlier ({@code file}: what sharing it returned), for everyone who could see it.
     * A chat whose files cannot be deleted says so.
     */
    default void deleteFile(MessageRef file) throws DeliveryException {
        throw DeliveryException.permanent("this chat cannot delete files (" + file.value() + ")");
    }

    /** Shares a file in a channel. */
    default MessageRef postFile(ChannelId channel, FileUpload file) throws DeliveryException {
        throw DeliveryException.permanent("this chat cannot take files (" + file.fileName() + ")");
    }
}
