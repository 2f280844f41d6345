package dev.guildhall.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Json;
import dev.guildhall.core.PersonId;

import java.util.List;
import java.util.Optional;

/**
 * A channel to create, as it rests in the outbox: the name wished for, who to invite, and the channel it belongs
 * next to ({@code beside}, null and left out when none, so rows without one keep their bytes).
 */
record ChannelRequest(String name, List<String> invite, @JsonInclude(JsonInclude.Include.NON_NULL) String beside) {
    static ChannelRequest of(String name, List<PersonId> invite, Optional<ChannelId> beside) {
        return new ChannelRequest(name, invite.stream().map(PersonId::value).toList(),
                beside.map(ChannelId::value).orElse(null));
    }

    Optional<ChannelId> besideChannel() {
        return Optional.ofNullable(beside).filter(value -> !value.isBlank()).map(ChannelId::new);
    }

    List<PersonId> people() {
        return invite.stream().map(PersonId::new).toList();
    }

    String json() {
        return Json.write(this);
    }

    static ChannelRequest read(String json) {
        return Json.read(json, ChannelRequest.class);
    }
}
