package dev.guildhall.console;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** On the console a mention is plain text: @bob goes to the core as typed, and tokens come back as names. */
class ConsoleMentionsTest {
    @Test
    void aTypedNameStaysTextForTheCoreToResolve() {
        assertThat(ConsoleMentions.tokens("lead add k8s @bob")).isEqualTo("lead add k8s @bob");
        assertThat(ConsoleMentions.tokens("\u27E6#console:general|x\u27E7")).isEqualTo("[#console:general|x]");
    }

    @Test
    void channelTokensShowAsConsoleNames() {
        String where = new Mentions.ChannelToken(new ChannelId("console:k8s"), "the guild's channel").text();

        Message shown = ConsoleMentions.render(Message.text("It posts in " + where + ".").withContext(where));

        assertThat(shown.text()).isEqualTo("It posts in #k8s.");
        assertThat(shown.context()).isEqualTo("#k8s");
    }
}
