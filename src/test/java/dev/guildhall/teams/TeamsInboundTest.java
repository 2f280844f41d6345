package dev.guildhall.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsInboundTest {
    private static Activity activity(String json) throws Exception {
        return Serialization.getAs(Serialization.jsonToTree(json), Activity.class);
    }

    @Test
    void aPersonIsTheirTenantAndAadIdWithTheTimeZoneTheirClientReports() throws Exception {
        Activity message = activity(Activities.personalMessage("http://127.0.0.1:1/", "alice", "learn go"));
        assertThat(TeamsInbound.personId(message)).isEqualTo(PersonId.of("teams", Activities.TENANT, "aad-alice"));
        assertThat(TeamsInbound.person(message).timeZone()).contains(ZoneId.of("Europe/London"));
        assertThat(TeamsInbound.channel(message)).isEmpty();
    }

    @Test
    void personalMessagesAreCommandsWithOrWithoutTheSlash() throws Exception {
        assertThat(TeamsInbound.command(activity(Activities.personalMessage("http://x/", "a", "learn kubernetes deploy"))))
                .contains(new TeamsInbound.TypedCommand("learn", "kubernetes deploy"));
        assertThat(TeamsInbound.command(activity(Activities.personalMessage("http://x/", "a", "/teach go "))))
                .contains(new TeamsInbound.TypedCommand("teach", "go"));
        assertThat(TeamsInbound.command(activity(Activities.personalMessage("http://x/", "a", "learn"))))
                .contains(new TeamsInbound.TypedCommand("learn", ""));
    }

    @Test
    void inAChannelTheBotsMentionIsRemovedUsingTheEntityAndTheThreadSuffixIsDropped() throws Exception {
        Activity message = activity(Activities.channelMention("http://x/", "carol", "learn &quot;machine learning&quot;"));
        assertThat(TeamsInbound.command(message)).contains(new TeamsInbound.TypedCommand("learn", "\"machine learning\""));
        assertThat(TeamsInbound.channel(message))
                .contains(ChannelId.of("teams", Activities.TENANT, "19:platform-guild@thread.tacv2"));
    }

    @Test
    void aMentionWhoseEntityTextDiffersFromTheMessageIsStillRemoved() throws Exception {
        String renamed = Activities.channelMention("http://x/", "carol", "teach rust")
                .replace("\"text\": \"<at>Guildhall</at> teach rust\"", "\"text\": \"<at>Guild Bot</at> teach rust\"");
        assertThat(TeamsInbound.command(activity(renamed))).contains(new TeamsInbound.TypedCommand("teach", "rust"));
    }

    @Test
    void otherPeoplesMentionsStayAsAtNames() throws Exception {
        String withOther = Activities.channelMention("http://x/", "carol", "guild lead add <at>Bob Smith</at>");
        assertThat(TeamsInbound.command(activity(withOther)))
                .contains(new TeamsInbound.TypedCommand("guild", "lead add \"@Bob Smith\""));
    }

    @Test
    void aCardSubmitCarriesTheActionIdInItsValue() throws Exception {
        assertThat(TeamsInbound.actionId(activity(Activities.cardSubmit("http://x/", "a", "mentorship.accept:3"))))
                .contains("mentorship.accept:3");
        assertThat(TeamsInbound.actionId(activity(Activities.actionExecuteInvoke("http://x/", "a", "mentorship.take:4"))))
                .contains("mentorship.take:4");
        assertThat(TeamsInbound.actionId(activity(Activities.personalMessage("http://x/", "a", "hello")))).isEmpty();
    }
}
