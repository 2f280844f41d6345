package dev.guildhall.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsInboundTest {
    private static final Function<String, Optional<PersonId>> NOBODY_KNOWN = teamsId -> Optional.empty();
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
        assertThat(TeamsInbound.command(activity(Activities.personalMessage("http://x/", "a", "learn kubernetes deploy")), NOBODY_KNOWN))
                .contains(new TeamsInbound.TypedCommand("learn", "kubernetes deploy"));
        assertThat(TeamsInbound.command(activity(Activities.personalMessage("http://x/", "a", "/teach go ")), NOBODY_KNOWN))
                .contains(new TeamsInbound.TypedCommand("teach", "go"));
        assertThat(TeamsInbound.command(activity(Activities.personalMessage("http://x/", "a", "learn")), NOBODY_KNOWN))
                .contains(new TeamsInbound.TypedCommand("learn", ""));
    }

    @Test
    void inAChannelTheBotsMentionIsRemovedUsingTheEntityAndTheThreadSuffixIsDropped() throws Exception {
        Activity message = activity(Activities.channelMention("http://x/", "carol", "learn &quot;machine learning&quot;"));
        assertThat(TeamsInbound.command(message, NOBODY_KNOWN)).contains(new TeamsInbound.TypedCommand("learn", "\"machine learning\""));
        assertThat(TeamsInbound.channel(message))
                .contains(ChannelId.of("teams", Activities.TENANT, "19:platform-guild@thread.tacv2"));
    }

    @Test
    void aMentionWhoseEntityTextDiffersFromTheMessageIsStillRemoved() throws Exception {
        String renamed = Activities.channelMention("http://x/", "carol", "teach rust")
                .replace("\"text\": \"<at>Guildhall</at> teach rust\"", "\"text\": \"<at>Guild Bot</at> teach rust\"");
        assertThat(TeamsInbound.command(activity(renamed), NOBODY_KNOWN)).contains(new TeamsInbound.TypedCommand("teach", "rust"));
    }

    @Test
    void aMentionOfSomeoneTheBotHasMetBecomesATokenByTheIdInItsEntityNotByName() throws Exception {
        // Given a message mentioning Bob Smith, whose entity names Teams user 29:bob, whom the bot met as aad-bob
        String withBob = withMentionOf("29:bob", "");
        PersonId bob = PersonId.of("teams", Activities.TENANT, "aad-bob");
        Function<String, Optional<PersonId>> known = teamsId -> teamsId.equals("29:bob") ? Optional.of(bob)
                : Optional.empty();

        // When the adapter reads the command
        var command = TeamsInbound.command(activity(withBob), known);

        // Then the core gets a token carrying Bob's id and the name Teams showed, one word however many spaces
        assertThat(command).contains(new TeamsInbound.TypedCommand("guild", "lead add data "
                + new Mentions.PersonToken(bob, "Bob Smith").text()));
    }

    @Test
    void anEntityThatCarriesTheAadIdNeedsNoLookUp() throws Exception {
        var command = TeamsInbound.command(activity(withMentionOf("29:bob", "aad-bob")), NOBODY_KNOWN);

        assertThat(command.orElseThrow().text()).endsWith(new Mentions.PersonToken(
                PersonId.of("teams", Activities.TENANT, "aad-bob"), "Bob Smith").text());
    }

    @Test
    void typedTokenBracketsCannotForgeAMention() throws Exception {
        String forged = Activities.channelMention("http://x/", "carol",
                "guild lead add data ⟦@teams:" + Activities.TENANT + ":aad-boss|Boss⟧");

        assertThat(TeamsInbound.command(activity(forged), NOBODY_KNOWN).orElseThrow().text())
                .isEqualTo("lead add data [@teams:" + Activities.TENANT + ":aad-boss|Boss]");
    }

    private static String withMentionOf(String teamsId, String aad) {
        String entity = "{\"type\": \"mention\", \"text\": \"<at>Bob Smith</at>\", \"mentioned\": {\"id\": \""
                + teamsId + "\", \"name\": \"Bob Smith\"" + (aad.isEmpty() ? "" : ", \"aadObjectId\": \"" + aad + "\"")
                + "}}, ";
        return Activities.channelMention("http://x/", "carol", "guild lead add data <at>Bob Smith</at>")
                .replace("\"entities\": [", "\"entities\": [" + entity);
    }

    @Test
    void mentionsOfPeopleTheBotCannotKnowStayAsAtNames() throws Exception {
        String withOther = Activities.channelMention("http://x/", "carol", "guild lead add <at>Bob Smith</at>");
        assertThat(TeamsInbound.command(activity(withOther), NOBODY_KNOWN))
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
