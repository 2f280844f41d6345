package dev.guildhall.outbox;

import dev.guildhall.core.Json;
import dev.guildhall.core.PersonId;

import java.util.List;

/** A channel to create, as it rests in the outbox: the name wished for and who to invite. */
record ChannelRequest(String name, List<String> invite) {
    static ChannelRequest of(String name, List<PersonId> invite) {
        return new ChannelRequest(name, invite.stream().map(PersonId::value).toList());
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
