package dev.guildhall.slack;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.PersonId;

import java.util.Optional;

/**
 * Slack's ids in the core's form. People and channels are qualified by their organization when Slack sends one
 * (Enterprise Grid: user and channel ids are unique across the whole org, and the same person typing in two of its
 * workspaces stays one person), otherwise by their workspace.
 */
final class SlackIds {
    static final String PLATFORM = "slack";

    private SlackIds() {
    }

    static String organization(String enterpriseId, String teamId) {
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            return enterpriseId;
        }
        if (teamId == null || teamId.isBlank()) {
            throw new IllegalArgumentException("a Slack request without team_id");
        }
        return teamId;
    }

    static PersonId person(String organization, String userId) {
        return PersonId.of(PLATFORM, organization, userId);
    }

    /** Empty in a DM with the bot: the core treats that as talking to the bot in private. */
    static Optional<ChannelId> channel(String organization, String channelId, String channelName) {
        if (channelId == null || channelId.isBlank() || channelId.startsWith("D")
                || "directmessage".equals(channelName)) {
            return Optional.empty();
        }
        return Optional.of(ChannelId.of(PLATFORM, organization, channelId));
    }

    static String userId(PersonId person) {
        return last(person.value());
    }

    static String organizationOf(PersonId person) {
        return first(person.localPart());
    }

    static String organizationOf(ChannelId channel) {
        return first(channel.localPart());
    }

    private static String first(String local) {
        int colon = local.indexOf(':');
        return colon < 0 ? local : local.substring(0, colon);
    }

    static String channelId(ChannelId channel) {
        return last(channel.value());
    }

    static MessageRef ref(String organization, String channelId, String ts) {
        return new MessageRef(PLATFORM + ":" + organization + ":" + channelId + ":" + ts);
    }

    /** A message's channel and timestamp, from a ref made by {@link #ref}. */
    record Posted(String channelId, String ts) {
    }

    static Optional<Posted> posted(MessageRef ref) {
        String[] parts = ref.value().split(":");
        if (parts.length != 4 || !parts[0].equals(PLATFORM)) {
            return Optional.empty();
        }
        return Optional.of(new Posted(parts[2], parts[3]));
    }

    private static String last(String value) {
        return value.substring(value.lastIndexOf(':') + 1);
    }
}
