package dev.guildhall.teams;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.core.Reply;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.RoutingChatPort;
import dev.guildhall.store.Database;
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
import java.util.stream.Stream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.guildhall.teams.Activities.personalChat;
import static org.assertj.core.api.Assertions.assertThat;

/** Bot Framework activities into the adapter, replies captured by a fake connector at the activity's serviceUrl. */
class TeamsAdapterTest {
    private static final TeamsConfig DEV = new TeamsConfig("", "", Optional.empty(), true);

    @TempDir
    Path dir;
    FakeConnector connector;
    Guildhall guildhall;
    TeamsAdapter teams;

    AdjustableClock clock;

    void start(TeamsConfig config) throws Exception {
        start(config, List.of());
    }

    void start(TeamsConfig config, List<Capability> extra) throws Exception {
        connector = new FakeConnector();
        clock = AdjustableClock.fixedAt(Instant.parse("2026-03-02T09:00:00Z"));
        Database database = Database.open(dir.resolve("g.db").toString());
        teams = new TeamsAdapter(config, database, clock);
        guildhall = new Guildhall(database, clock, new RoutingChatPort(Map.of("teams", teams.chatPort())),
                Stream.concat(Wiring.capabilities(Config.from(Map.of())).stream(), extra.stream()).toList());
    }

    @AfterEach
    void stop() {
        guildhall.close();
        connector.close();
    }

    private TeamsAdapter.Response post(String activity) {
        TeamsAdapter.Response response = teams.handle(guildhall, null, activity);
        guildhall.runDue();
        return response;
    }

    @Test
    void aLearnerAndATeacherInPersonalChatsAreMatchedWithAdaptiveCards() throws Exception {
        start(DEV);
        // Given alice offered to teach
        assertThat(post(Activities.personalMessage(connector.serviceUrl(), "alice", "teach kubernetes")).status())
                .isEqualTo(202);
        assertThat(connector.to(personalChat("alice"))).singleElement()
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
    void notAnActivityIsABadRequest() throws Exception {
        start(DEV);
        assertThat(teams.handle(guildhall, null, "{not json").status()).isEqualTo(400);
        assertThat(teams.handle(guildhall, null, "{}").status()).isEqualTo(400);
    }
}
