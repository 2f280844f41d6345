package dev.guildhall.workinggroup;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.PersonId;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A working group: a few people under a guild working on one subject, with a channel of their own. {@code size}
 * is how many can join; the owner runs the group on top of that. {@code channelCreated}: the bot made the channel (and archives it on close);
 * a linked channel is left alone.
 */
record WorkingGroup(long id, String slug, long guildId, String charter, PersonId owner, int size,
                    Optional<LocalDate> endsOn, Status status, Optional<ChannelId> channel, boolean channelCreated,
                    Optional<Long> channelRequestId, Optional<Long> splitFrom) {

    enum Status { PENDING, ACTIVE, CLOSED }

    String title() {
        return "*" + slug + "*";
    }

    boolean isOwner(PersonId person) {
        return owner.equals(person);
    }
}
