package dev.guildhall.teams;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.core.Reply;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ShareChartCapability;
import dev.guildhall.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.guildhall.teams.Activities.personalChat;
import static org.assertj.core.api.Assertions.assertThat;

/** Bot Framework activities into the adapter, replies captured by a fake connector at the activity's serviceUrl. */
class TeamsAdapterTest {
    private static final TeamsConfig DEV = new TeamsConfig("", "", Optional.empty(), true);

    @TempDir
    Path dir;
    TeamsTestBot bot;
    FakeConnector connector;
    Guildhall guildhall;
    TeamsAdapter teams;

    AdjustableClock clock;

    void start(TeamsConfig config) throws Exception {
        start(config, List.of());
    }

    void start(TeamsConfig config, List<Capability> extra) throws Exception {
        bot = new TeamsTestBot(dir, config, extra);
        connector = bot.connector;
        clock = bot.clock;
        teams = bot.teams;
        guildhall = bot.guildhall;
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private TeamsAdapter.Response post(String activity) {
        return bot.post(activity);
    }

    @Test
    void aLearnerAndATeacherInPersonalChatsAreMatchedWithAdaptiveCards() throws Exception {
        start(DEV);
        // Given alice offered to teach
        assertThat(post(Activities.personalMessage(connector.serviceUrl(), "alice", "teach kubernetes")).status())
                .isEqualTo(202);
        // (and, at her first offer, whether she'd like to be listed on /teach board)
        assertThat(connector.to(personalChat("alice"))).hasSize(2).first()
                .satisfies(reply -> assertThat(reply.cardText()).contains("You now teach **kubernetes**"));
        connector.clear();

        // When bob asks to learn it
        post(Activities.personalMessage(connector.serviceUrl(), "bob", "/learn k8s"));

        // Then alice gets a proposal card with Accept/Decline, bob a card naming his teacher
        FakeConnector.Call proposal = connector.to(personalChat("alice")).get(0);
        assertThat(proposal.body().path("attachments").path(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(proposal.cardText()).contains("Can you teach **kubernetes** to bob");
        assertThat(proposal.buttonTitles()).containsExactly("Accept", "Decline");
        assertThat(connector.to(personalChat("bob"))).anySatisfy(c -> assertThat(c.cardText())
                .contains("I've found you a teacher for **kubernetes**: alice"));

        // When alice presses Accept (Action.Submit arrives as a message with a value)
        connector.clear();
        post(Activities.cardSubmit(connector.serviceUrl(), "alice", proposal.buttonData("Accept")));

        // Then her proposal card is updated in place and bob is told
        assertThat(connector.to(personalChat("alice"))).anySatisfy(c -> {
            assertThat(c.method()).isEqualTo("PUT");
            assertThat(c.path()).contains("/activities/activity-");
            assertThat(c.cardText()).contains("The match is on");
        });
        assertThat(connector.to(personalChat("bob"))).anySatisfy(c -> assertThat(c.cardText()).contains("The match is on"));
    }

    @Test
    void aChannelMessageIsACommandOnceTheBotsMentionIsRemoved() throws Exception {
        start(DEV);
        post(Activities.channelMention(connector.serviceUrl(), "carol", "learn rust"));
        assertThat(connector.calls()).singleElement().satisfies(reply -> {
            assertThat(reply.conversation()).startsWith("19:platform-guild@thread.tacv2");
            assertThat(reply.cardText()).contains("you want to learn **rust**");
        });
    }

    @Test
    void installingTheBotSaysHelloWithTheCommands() throws Exception {
        start(DEV);
        post(Activities.botAddedToPersonalScope(connector.serviceUrl(), "dave"));
        assertThat(connector.to(personalChat("dave"))).singleElement()
                .satisfies(c -> assertThat(c.cardText()).contains("Guildhall").contains("learn").contains("teach"));
    }

    @Test
    void someoneSeenOnlyInAChannelGetsANewPersonalChat() throws Exception {
        start(DEV);
        post(Activities.channelMention(connector.serviceUrl(), "carol", "teach rust"));
        connector.clear();
        post(Activities.personalMessage(connector.serviceUrl(), "bob", "learn rust"));
        assertThat(connector.calls()).anySatisfy(c -> {
            assertThat(c.method()).isEqualTo("POST");
            assertThat(c.path()).isEqualTo("/v3/conversations");
            assertThat(c.body().path("members").path(0).path("id").asText()).isEqualTo("29:teams-user-carol");
        });
        assertThat(connector.to("a:opened-1")).anySatisfy(c -> assertThat(c.cardText()).contains("Can you teach **rust**"));
    }

    @Test
    void actionExecuteGetsItsAnswerInTheInvokeResponse() throws Exception {
        start(DEV);
        post(Activities.personalMessage(connector.serviceUrl(), "alice", "teach go"));
        post(Activities.personalMessage(connector.serviceUrl(), "bob", "learn go"));
        TeamsAdapter.Response response = post(Activities.actionExecuteInvoke(connector.serviceUrl(), "bob",
                "mentorship.accept:1"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Only alice can answer");
    }

    @Test
    void withAnAppIdARequestWithoutAValidTokenIsRejectedAndNothingIsSent() throws Exception {
        start(new TeamsConfig("00000000-1111-2222-3333-444444444444", "secret", Optional.empty(), false));
        TeamsAdapter.Response response = teams.handle(guildhall, null,
                Activities.personalMessage(connector.serviceUrl(), "mallory", "teach kubernetes"));
        assertThat(response.status()).isEqualTo(401);
        TeamsAdapter.Response forged = teams.handle(guildhall, "Bearer not-a-real-token",
                Activities.personalMessage(connector.serviceUrl(), "mallory", "teach kubernetes"));
        assertThat(forged.status()).isEqualTo(401);
        guildhall.runDue();
        assertThat(connector.calls()).isEmpty();
        assertThat(Sql.one(guildhall.database(), "SELECT COUNT(*) FROM teaching_offer", Integer.class)).isZero();
    }

    @Test
    void aThrottledDeliveryIsRetriedAfterRetryAfter() throws Exception {
        start(DEV);
        post(Activities.personalMessage(connector.serviceUrl(), "alice", "teach go"));
        connector.clear();
        // The reply to bob goes out in his turn; the proposal DM to alice is the outbox's and meets the 429
        teams.handle(guildhall, null, Activities.personalMessage(connector.serviceUrl(), "bob", "learn go"));
        connector.failNextWith(429);
        guildhall.runDue();
        assertThat(connector.to(personalChat("alice"))).isEmpty();
        clock.advance(Duration.ofSeconds(7));
        guildhall.runDue();
        assertThat(connector.to(personalChat("alice"))).singleElement()
                .satisfies(c -> assertThat(c.cardText()).contains("Can you teach **go** to bob"));
    }

    @Test
    void anAnonymousCommandLeavesNoTraceOfWhoSentIt() throws Exception {
        Capability hush = registry -> registry.command(new CommandSpec("hush", "anonymous test command", "/hush",
                request -> Reply.of("noted, anonymously"), true));
        start(DEV, List.of(hush));
        post(Activities.channelMention(connector.serviceUrl(), "erin", "hush"));
        post(Activities.personalMessage(connector.serviceUrl(), "frank", "hush"));
        String everything = guildhall.database().read(h -> h.createQuery(
                        "SELECT person_id || teams_user_id FROM teams_person UNION ALL SELECT reference FROM teams_conversation"
                                + " UNION ALL SELECT id FROM person")
                .mapTo(String.class).list()).toString();
        assertThat(everything).doesNotContain("erin").doesNotContain("frank");
        assertThat(connector.calls()).as("no confirmation in the channel for all to see")
                .noneMatch(c -> c.conversation().startsWith("19:"));
        assertThat(connector.to(personalChat("frank"))).singleElement()
                .satisfies(c -> assertThat(c.cardText()).contains("noted, anonymously"));
    }

    @Test
    void aSharedChartArrivesAsAnInlinePicture() throws Exception {
        start(DEV, List.of(new ShareChartCapability()));
        post(Activities.personalMessage(connector.serviceUrl(), "alice", "chart"));
        assertThat(connector.to(personalChat("alice"))).anySatisfy(c -> {
            JsonNode picture = c.body().path("attachments").path(0);
            assertThat(picture.path("contentType").asText()).isEqualTo("image/png");
            assertThat(picture.path("contentUrl").asText())
                    .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(ShareChartCapability.PNG));
            assertThat(c.body().path("text").asText()).contains("**Demand by topic** — kafka leads with 7 waiting");
        });
    }

    @Test
    void aMentionIsResolvedByItsEntitysIdSoASharedDisplayNameCannotTakeSomeoneElsesPlace() throws Exception {
        // Given bob and mallory, who set her display name to bob's, have both talked to the bot
        start(DEV);
        post(named(Activities.personalMessage(connector.serviceUrl(), "bob", "guild list"), "bob", "Bob Smith"));
        post(named(Activities.personalMessage(connector.serviceUrl(), "mallory", "guild list"), "mallory", "Bob Smith"));
        post(Activities.personalMessage(connector.serviceUrl(), "alice", "guild create imp \\\"Impostors\\\""));

        // When alice makes the Bob Smith she picked in Teams' mention list (bob's entity) a lead
        post(mentioning(Activities.personalMessage(connector.serviceUrl(), "alice",
                "guild lead add imp <at>Bob Smith</at>"), "29:teams-user-bob", "Bob Smith"));

        // Then bob is the lead, not whoever else goes by that name
        List<String> leads = guildhall.database().read(h -> h.createQuery(
                "SELECT person_id FROM guild_member WHERE role = 'LEAD' ORDER BY person_id").mapTo(String.class).list());
        assertThat(leads).containsExactly(Activities.tenantPerson("aad-alice"), Activities.tenantPerson("aad-bob"));
        assertThat(connector.to(personalChat("alice"))).last()
                .satisfies(reply -> assertThat(reply.cardText()).contains("Bob Smith"));
    }

    /** The activity with the sender's display name changed, as someone may set it in Teams. */
    private static String named(String activity, String user, String displayName) {
        return activity.replace("\"name\": \"" + user + "\"", "\"name\": \"" + displayName + "\"");
    }

    /** The activity with a mention entity naming a Teams user by id, as Teams sends it for <at>…</at>. */
    private static String mentioning(String activity, String teamsUserId, String displayName) {
        return activity.replace("\"entities\": [", "\"entities\": [{\"type\": \"mention\", \"text\": \"<at>"
                + displayName + "</at>\", \"mentioned\": {\"id\": \"" + teamsUserId + "\", \"name\": \""
                + displayName + "\"}}, ");
    }

    @Test
    void notAnActivityIsABadRequest() throws Exception {
        start(DEV);
        assertThat(teams.handle(guildhall, null, "{not json").status()).isEqualTo(400);
        assertThat(teams.handle(guildhall, null, "{}").status()).isEqualTo(400);
    }
}
