package dev.guildhall.guild;

import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuildHelpTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().startingAt(BotExtension.LATE_NOVEMBER).unstarted();

    @Test
    void everySubcommandAnswersHelpWithItsOwnUsageAndChangesNothing() {
        List<String> names = List.of("create", "join", "leave", "list", "info", "members", "lead", "notify", "channel",
                "zone", "announce", "meetup", "meetups", "propose", "proposals", "schedule", "module", "modules");
        for (String name : names) {
            assertThat(t.say("alice", "/guild " + name + " help")).as(name).startsWith("/guild " + name + " ");
        }
        assertThat(t.say("alice", "/guild help")).contains(names.stream().map(n -> "/guild " + n + " ").toList());
        assertThat(t.say("alice", "/guild list")).contains("There are no guilds yet");
        assertThat(t.chat.sent()).isEmpty();
    }
}
