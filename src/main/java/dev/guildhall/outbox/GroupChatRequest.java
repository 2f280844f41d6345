package dev.guildhall.outbox;

import dev.guildhall.core.Json;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;

import java.util.List;

/** A group conversation to start, as it rests in the outbox: who is in it and the bot's first message. */
record GroupChatRequest(List<String> people, Message message) {
    static GroupChatRequest of(List<PersonId> people, Message message) {
        return new GroupChatRequest(people.stream().map(PersonId::value).toList(), message);
    }

    List<PersonId> members() {
        return people.stream().map(PersonId::new).toList();
    }

    String json() {
        return Json.write(this);
    }

    static GroupChatRequest read(String json) {
        return Json.read(json, GroupChatRequest.class);
    }
}
