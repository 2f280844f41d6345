package dev.guildhall.teams;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.PersonId;
import dev.guildhall.testing.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.guildhall.teams.Activities.personalChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Working groups on Teams get their own channel through Microsoft Graph (a {@link FakeGraph}), made in the team of
 * the guild's channel: Bot Framework activities in, Graph and connector calls out.
 */
class TeamsWorkingGroupChannelTest {
    private static final String TEAM = "19:team-general@thread.tacv2";
    private static final PersonId ALICE = new PersonId(Activities.tenantPerson("aad-alice"));
    private static final PersonId BOB = new PersonId(Activities.tenantPerson("aad-bob"));
    private static final Optional<ChannelId> GUILD_CHANNEL = Optional.of(ChannelId.of("teams", Activities.TENANT,
            Activities.CHANNEL));

    @TempDir
    Path dir;
    FakeGraph graph;
    TeamsRig rig;

    void start(boolean tenantWide) throws Exception {
        graph = new FakeGraph();
        rig = new TeamsRig(dir, graph, tenantWide);
        // Given alice talks with Guildhall in a personal chat, and leads a guild linked to a channel of the team
        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice", "hi"));
        rig.sayInChannel("alice", "guild create platform \\\"Platform guild\\\" here");
        rig.connector.clear();
    }

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    private List<String> dmsToAlice() {
        return rig.connector.to(personalChat("alice")).stream().map(FakeConnector.Call::cardText).toList();
    }

    private long count(String sql) {
        return rig.database.read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void aWorkingGroupGetsAStandardChannelInTheGuildsTeamAndTheBotPostsInIt() throws Exception {
        start(false);

        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice",
                "wg create vpc --guild platform \\\"Get everyone comfortable with VPC peering\\\""));

        FakeGraph.Call created = graph.calls("create").get(0);
        assertThat(created.team()).isEqualTo(FakeConnector.TEAM_GROUP);
        assertThat(created.body().path("displayName").asText()).isEqualTo("wg-vpc");
        assertThat(created.body().path("membershipType").asText()).isEqualTo("standard");
        assertThat(created.body().has("members")).as("a standard channel has the team's members").isFalse();
        assertThat(created.authorization()).isEqualTo("Bearer " + TeamsRig.GRAPH_TOKEN);
        assertThat(graph.calls("members")).isEmpty();
        String channel = "19:wg-1@thread.tacv2";
        assertThat(Sql.one(rig.database, "SELECT channel_id FROM working_group WHERE slug = 'vpc'", String.class))
                .isEqualTo("teams:" + Activities.TENANT + ":" + channel);
        assertThat(count("SELECT COUNT(*) FROM working_group WHERE status = 'ACTIVE'")).isEqualTo(1);
        assertThat(dmsToAlice()).anySatisfy(text -> assertThat(text).contains("Working group").contains("is ready"));
        assertThat(rig.connector.to(channel)).anySatisfy(post -> assertThat(post.cardText())
                .contains("This is working group"));
        assertThat(Sql.one(rig.database, "SELECT team_id FROM teams_conversation WHERE conversation_id = '"
                + channel + "'", String.class)).isEqualTo(TEAM);
    }

    @Test
    void withoutTheTeamsConsentGraphRefusesAndNothingIsKept() throws Exception {
        start(false);
        graph.refuse("create", 403);

        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice",
                "wg create vpc --guild platform \\\"VPC peering\\\""));

        assertThat(dmsToAlice()).anySatisfy(text -> assertThat(text).contains("couldn't create a channel")
                .contains("Microsoft Graph refused (403)").contains("Channel.Create.Group")
                .contains("Manage team"));
        assertThat(count("SELECT COUNT(*) FROM working_group")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wg_member")).isZero();
    }

    @Test
    void closingWithoutTenantWideRightsRenamesTheChannelPostsThatItIsClosedAndSaysWhatToGrant() throws Exception {
        start(false);
        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice",
                "wg create vpc --guild platform \\\"VPC peering\\\""));
        rig.connector.clear();

        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice",
                "wg close vpc \\\"We all set up peering\\\""));

        String channel = "19:wg-1@thread.tacv2";
        assertThat(graph.calls("archive")).as("archiving needs tenant-wide rights: not even tried").isEmpty();
        assertThat(graph.nameOf(channel)).isEqualTo("wg-vpc (closed)");
        assertThat(rig.connector.to(channel)).anySatisfy(post -> assertThat(post.cardText())
                .contains("This channel is closed"));
        assertThat(dmsToAlice()).anySatisfy(text -> assertThat(text).contains("couldn't archive")
                .contains("ChannelSettings.ReadWrite.All").contains(GraphConfig.TENANT_WIDE));
    }

    @Test
    void withTenantWideRightsAClosedGroupsChannelIsArchived() throws Exception {
        start(true);
        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice",
                "wg create vpc --guild platform \\\"VPC peering\\\""));
        assertThat(graph.calls("create").get(0).body().path("membershipType").asText()).isEqualTo("private");
        rig.connector.clear();

        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice",
                "wg close vpc \\\"We all set up peering\\\""));

        assertThat(graph.calls("archive")).singleElement().satisfies(call -> assertThat(call.channel())
                .isEqualTo("19:wg-1@thread.tacv2"));
        assertThat(graph.calls("rename")).isEmpty();
        assertThat(dmsToAlice()).noneSatisfy(text -> assertThat(text).contains("couldn't archive"));
    }

    @Test
    void whenArchivingIsRefusedAfterAllTheChannelIsClosedByNameInstead() throws Exception {
        start(true);
        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice",
                "wg create vpc --guild platform \\\"VPC peering\\\""));
        graph.refuse("archive", 403);
        rig.connector.clear();

        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice",
                "wg close vpc \\\"We all set up peering\\\""));

        assertThat(graph.calls("archive")).hasSize(1);
        assertThat(graph.nameOf("19:wg-1@thread.tacv2")).isEqualTo("wg-vpc (closed)");
        assertThat(dmsToAlice()).anySatisfy(text -> assertThat(text).contains("couldn't archive")
                .contains("ChannelSettings.ReadWrite.All"));
    }

    @Test
    void withTenantWideRightsAPrivateChannelHasTheInvitedAsMembers() throws Exception {
        start(true);

        ChannelId created = rig.teams.chatPort().createChannel("wg-vpc-2", List.of(ALICE, BOB), GUILD_CHANNEL);

        FakeGraph.Call create = graph.calls("create").get(0);
        assertThat(create.body().path("membershipType").asText()).isEqualTo("private");
        assertThat(create.body().path("members").path(0).path("roles").path(0).asText()).isEqualTo("owner");
        assertThat(create.body().path("members").path(0).path("user@odata.bind").asText()).contains("aad-alice");
        assertThat(graph.calls("members")).singleElement().satisfies(call -> {
            assertThat(call.channel()).isEqualTo("19:wg-1@thread.tacv2");
            assertThat(call.body().path("user@odata.bind").asText()).contains("aad-bob");
            assertThat(call.body().path("@odata.type").asText()).isEqualTo("#microsoft.graph.aadUserConversationMember");
        });
        assertThat(created).isEqualTo(ChannelId.of("teams", Activities.TENANT, "19:wg-1@thread.tacv2"));
    }

    @Test
    void whenAMemberCannotBeAddedTheNewChannelIsDeletedAgain() throws Exception {
        start(true);
        graph.refuse("members", 403);

        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> rig.teams.chatPort().createChannel("wg-vpc-2", List.of(ALICE, BOB), GUILD_CHANNEL));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("ChannelMember.ReadWrite.All").contains("Grant admin consent");
        assertThat(graph.calls("delete")).singleElement().satisfies(call -> assertThat(call.channel())
                .isEqualTo("19:wg-1@thread.tacv2"));
        assertThat(graph.nameOf("19:wg-1@thread.tacv2")).isNull();
        assertThat(count("SELECT COUNT(*) FROM teams_conversation WHERE conversation_id = '19:wg-1@thread.tacv2'"))
                .isZero();
    }
}
