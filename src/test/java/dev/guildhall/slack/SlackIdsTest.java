package dev.guildhall.slack;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackIdsTest {
    @Test
    void qualifiesByTheOrganizationWhenThereIsOneElseByTheWorkspace() {
        assertThat(SlackIds.organization("E0ORG", "T0WS")).isEqualTo("E0ORG");
        assertThat(SlackIds.organization(null, "T0WS")).isEqualTo("T0WS");
        assertThat(SlackIds.organization("", "T0WS")).isEqualTo("T0WS");
        assertThatThrownBy(() -> SlackIds.organization(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SlackIds.person("T0WS", "U0A")).isEqualTo(new PersonId("slack:T0WS:U0A"));
    }

    @Test
    void aDirectMessageWithTheBotIsNoChannel() {
        assertThat(SlackIds.channel("T0WS", "D0123", "directmessage")).isEmpty();
        assertThat(SlackIds.channel("T0WS", "D0123", null)).isEmpty();
        assertThat(SlackIds.channel("T0WS", "C0123", "general")).contains(new ChannelId("slack:T0WS:C0123"));
        assertThat(SlackIds.channel("T0WS", "G0123", "secret")).contains(new ChannelId("slack:T0WS:G0123"));
    }

    @Test
    void messageRefsArePlatformPrefixedAndReadBack() {
        MessageRef ref = SlackIds.ref("T0WS", "D0AB", "1700000000.000100");

        assertThat(ref.value()).isEqualTo("slack:T0WS:D0AB:1700000000.000100");
        assertThat(SlackIds.posted(ref)).contains(new SlackIds.Posted("D0AB", "1700000000.000100"));
        assertThat(SlackIds.posted(new MessageRef("console:@alice:3f9a1c"))).isEmpty();
    }

    @Test
    void readsTheSlackPartsBack() {
        PersonId person = new PersonId("slack:E0ORG:W0A");
        assertThat(SlackIds.userId(person)).isEqualTo("W0A");
        assertThat(SlackIds.organizationOf(person)).isEqualTo("E0ORG");
        assertThat(SlackIds.channelId(new ChannelId("slack:T0WS:C0X"))).isEqualTo("C0X");
    }
}
