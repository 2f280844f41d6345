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
    void everythingElseBecomesPlainTextAndTypedTokensAreInert() {
        // Given escaping on, Slack sends typed <, >, & as entities and marks links and broadcasts itself
        assertThat(SlackMentions.tokens("T1", "learn &lt;rust&gt; &amp; go <https://x.dev|x> <!here>"))
                .isEqualTo("learn <rust> & go x (https://x.dev) @here");
        assertThat(SlackMentions.tokens("T1", "<https://x.dev/a?b=1&amp;c=2> <https://x.dev|x.dev> "
                + "<mailto:a@x.dev|a@x.dev> <!channel> <!here|here> <!subteam^S1|@core-team> <!date^1|Dec 1>"))
                .isEqualTo("https://x.dev/a?b=1&c=2 https://x.dev mailto:a@x.dev @channel @here @core-team Dec 1");
        // a typed mention arrives escaped, and stays text
        assertThat(SlackMentions.tokens("T1", "&lt;@U999&gt; hi")).isEqualTo("<@U999> hi");
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
