package dev.guildhall.workinggroup;

import dev.guildhall.core.ChannelId;

import java.time.ZoneId;
import java.util.Optional;

/** The guild a working group belongs to, as much of it as working groups need. */
record GuildRef(long id, String slug, String name, Optional<ChannelId> channel, Optional<ZoneId> zone) {

    String title() {
        return "*" + name + "* (" + slug + ")";
    }
}
