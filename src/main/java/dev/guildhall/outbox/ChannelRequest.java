package dev.guildhall.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.PersonId;

import java.io.UncheckedIOException;
import java.util.List;

/** A channel to create, as it rests in the outbox: the name wished for and who to invite. */
record ChannelRequest(String name, List<String> invite) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ChannelRequest of(String name, List<PersonId> invite) {
        return new ChannelRequest(name, invite.stream().map(PersonId::value).toList());
    }

    List<PersonId> people() {
        return invite.stream().map(PersonId::new).toList();
    }

    String json() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChannelRequest read(String json) {
        try {
            return MAPPER.readValue(json, ChannelRequest.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
