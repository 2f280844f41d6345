package dev.guildhall.guild;

import dev.guildhall.testing.RecordingChatPort;
import dev.guildhall.testing.GuildBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuildHelpTest {
    @TempDir
    Path dir;

    @Test
    void everySubcommandAnswersHelpWithItsOwnUsageAndChangesNothing() {
        List<String> names = List.of("create", "join", "leave", "list", "info", "members", "lead", "notify", "channel",
                "zone", "announce", "meetup", "meetups", "propose", "proposals", "schedule", "module", "modules");
        RecordingChatPort chat = new RecordingChatPort();
        try (GuildBot t = GuildBot.on(dir.resolve("h.db"), chat)) {
            for (String name : names) {
                assertThat(t.say("alice", "/guild " + name + " help")).as(name).startsWith("/guild " + name + " ");
            }
            assertThat(t.say("alice", "/guild help")).contains(names.stream().map(n -> "/guild " + n + " ").toList());
            assertThat(t.say("alice", "/guild list")).contains("There are no guilds yet");
            assertThat(chat.sent()).isEmpty();
        }
    }
}
