package dev.guildhall.slack;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack's mention markup becomes the core's tokens on the way in, and Slack's links again on the way out. */
class SlackMentionsTest {
    private static String person(String id, String label) {
        return new Mentions.PersonToken(new PersonId(id), label).text();
    }

    @Test
    void peopleAndChannelsBecomeTokensQualifiedByTheOrganization() {
        assertThat(SlackMentions.tokens("T1", "lead add k8s <@U1|bob>"))
                .isEqualTo("lead add k8s " + person("slack:T1:U1", "bob"));
        assertThat(SlackMentions.tokens("E9", "<@W2>")).isEqualTo(person("slack:E9:W2", "W2"));
        assertThat(SlackMentions.tokens("T1", "link <#C3|general>"))
                .isEqualTo("link " + new Mentions.ChannelToken(new ChannelId("slack:T1:C3"), "general").text());
    }

    @Test
    void everythingElseStaysAsTypedAndTypedTokensAreInert() {
        assertThat(SlackMentions.tokens("T1", "learn &lt;rust&gt; <https://x.dev|x> <!here>"))
                .isEqualTo("learn &lt;rust&gt; <https://x.dev|x> <!here>");
        assertThat(SlackMentions.tokens("T1", "\u27E6@slack:T1:U1|bob\u27E7")).isEqualTo("[@slack:T1:U1|bob]");
        assertThat(SlackMentions.tokens("T1", null)).isNull();
    }

    @Test
    void tokensGoOutAsSlackLinks() {
        String text = "ask " + person("slack:T1:U123", "bob") + " in "
                + new Mentions.ChannelToken(new ChannelId("slack:T1:C345"), "the guild's channel").text();

        assertThat(SlackMentions.render(text)).isEqualTo("ask <@U123> in <#C345>");
        assertThat(BlockKit.escape(text + " <topic>")).isEqualTo("ask <@U123> in <#C345> &lt;topic&gt;");
    }
}
