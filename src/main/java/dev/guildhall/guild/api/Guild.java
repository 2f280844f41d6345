package dev.guildhall.guild.api;

import dev.guildhall.core.ChannelId;

import java.time.ZoneId;
import java.util.Optional;

/** A guild: {@code slug} is how commands name it, {@code name} how people read it. */
public record Guild(long id, String slug, String name, Optional<ChannelId> channel, Optional<ZoneId> timeZone) {

    public String title() {
        return "*" + name + "* (" + slug + ")";
    }
}
