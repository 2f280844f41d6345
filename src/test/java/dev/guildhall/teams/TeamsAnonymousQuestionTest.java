package dev.guildhall.teams;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.ops.JdkLogging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.guildhall.teams.Activities.CHANNEL;
import static dev.guildhall.teams.Activities.personalChat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 §2: a Teams user asks anonymously, on the session's card in the channel or from their personal chat with
 * the bot, through {@code /api/messages} and a fake connector. Nothing that leaves the bot for anyone else, nothing it
 * stores and no log line carries the asker's id or name.
 */
class TeamsAnonymousQuestionTest {
    private static final TeamsConfig DEV = new TeamsConfig("", "", Optional.empty(), true);
    private static final String ASKER = "zoe";
    private static final List<String> ASKER_TRACES = List.of("zoe", "29:teams-user-zoe", "aad-zoe");
    private static final String OTHER_CHANNEL = "19:kafka-guild@thread.tacv2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAKE_CONNECTOR_LOGGER = "com.sun.net.httpserver";

    @TempDir
    Path dir;
    TeamsTestBot bot;
    FakeConnector connector;
    Guildhall guildhall;
    ListAppender<ILoggingEvent> logs;
    Logger root;
    Level rootLevelBefore;

    @BeforeEach
    void start() throws Exception {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevelBefore = root.getLevel();
        root.setLevel(Level.DEBUG);
        // As in production: what libraries log through java.util.logging reaches the same log.
        JdkLogging.routeThroughSlf4j();
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        bot = new TeamsTestBot(dir, DEV, List.of());
        connector = bot.connector;
        guildhall = bot.guildhall;
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        root.setLevel(rootLevelBefore);
        bot.close();
    }

    private TeamsAdapter.Response post(String activity) {
        return bot.post(activity);
    }

    /** Alice presents in a channel; the invitation card is what the channel sees. */
    private FakeConnector.Call sessionStartedBy(String presenter, String channel, String title) {
        post(Activities.channelMention(connector.serviceUrl(), presenter, channel, "session start " + title));
        return connector.to(channel).stream().filter(c -> c.cardText().contains("Live session: **" + title))
                .findFirst().orElseThrow(() -> new AssertionError("no invitation in " + channel + ": "
                        + connector.calls()));
    }

    private List<FakeConnector.Call> questionsIn(String channel) {
        return connector.to(channel).stream().filter(c -> c.cardText().contains("Anonymous question")).toList();
    }

    @Test
    void aQuestionTypedOnTheSessionCardIsPostedWithoutTheAskerAndAnsweredOnlyToThem() throws Exception {
        // Given a live session whose channel card has an Ask anonymously box
        FakeConnector.Call invitation = sessionStartedBy("alice", CHANNEL, "Peering");
        assertThat(invitation.card().path("body").findValuesAsText("type")).contains("Input.Text");
        JsonNode ask = action(invitation.card(), "Ask anonymously");
        assertThat(ask.path("type").asText()).isEqualTo("Action.Execute");
        assertThat(invitation.card().has("refresh")).as("a refresh would have to list user ids").isFalse();
        assertThat(invitation.card().path("version").asText()).as("Universal Actions").isEqualTo("1.5");
        assertThat(ask.path("fallback").path("type").asText()).isEqualTo("Action.Submit");

        // When zoe, who never talked to the bot, types a question in it (Action.Execute arrives as an invoke)
        TeamsAdapter.Response answer = post(Activities.channelActionExecute(connector.serviceUrl(), ASKER,
                ask.path("data").path("guildhall").asText(), "what is a transit gateway?"));

        // Then the channel gets the question with no name
        assertThat(questionsIn(CHANNEL)).singleElement().satisfies(question ->
                assertThat(question.cardText()).contains("Anonymous question: what is a transit gateway?"));
        // And the invoke's answer, which replaces the card for zoe alone, is the same card with her private line
        assertThat(answer.status()).isEqualTo(200);
        JsonNode card = JSON.readTree(answer.body()).path("value");
        assertThat(card.toString()).contains("Only you see this").contains("posted in the channel without your name");
        assertThat(card.path("actions")).extracting(a -> a.path("title").asText()).containsExactly("I don't get this yet", "I get it now", "Ask anonymously");
        assertThat(card.path("body").findValuesAsText("type")).contains("Input.Text");
        assertNoTraceOfTheAsker(answer.body());
    }

    @Test
    void anOlderClientsFallbackSubmitStillPostsTheQuestionWithoutTheAskerAndSaysNothingInTheChannel() throws Exception {
        FakeConnector.Call invitation = sessionStartedBy("alice", CHANNEL, "Peering");
        JsonNode fallback = action(invitation.card(), "Ask anonymously").path("fallback");
        connector.clear();

        // When a client without Universal Actions submits the box (a message activity in the channel)
        ObjectNode data = ((ObjectNode) fallback.path("data").deepCopy()).put(AdaptiveCards.INPUT_KEY, "why /16?");
        post(Activities.channelMention(connector.serviceUrl(), ASKER, "ignored")
                .replace("\"entities\":", "\"value\": " + data + ", \"entities\":"));

        // Then the question is posted with no name, and no answer goes into the channel
        assertThat(questionsIn(CHANNEL)).singleElement()
                .satisfies(q -> assertThat(q.cardText()).contains("Anonymous question: why /16?"));
        assertThat(connector.to(CHANNEL)).hasSize(1);
        assertNoTraceOfTheAsker("");
    }

    @Test
    void anEmptyOrTooLongQuestionOnTheCardChangesNothingAndKeepsTheBox() throws Exception {
        FakeConnector.Call invitation = sessionStartedBy("alice", CHANNEL, "Peering");
        String actionId = action(invitation.card(), "Ask anonymously").path("data").path("guildhall").asText();
        connector.clear();

        TeamsAdapter.Response empty = post(Activities.channelActionExecute(connector.serviceUrl(), ASKER, actionId, " "));
        TeamsAdapter.Response tooLong = post(Activities.channelActionExecute(connector.serviceUrl(), ASKER, actionId,
                "why ".repeat(100)));

        assertThat(empty.body()).contains("Type your question in the box first").contains("Input.Text");
        assertThat(tooLong.body()).contains("under 300 characters").contains("Input.Text");
        assertThat(connector.calls()).as("nothing posted, no board update").isEmpty();
    }

    @Test
    void waitTypedInAPersonalChatGoesToTheOneSessionInATeamTheAskerIsIn() throws Exception {
        // Given a session in a channel whose roster has zoe, and none elsewhere
        sessionStartedBy("alice", CHANNEL, "Peering");
        connector.roster(CHANNEL, "29:teams-user-alice", "29:teams-user-" + ASKER);
        connector.clear();

        // When zoe types wait <question> in her personal chat with the bot
        post(Activities.personalMessage(connector.serviceUrl(), ASKER, "wait what is BGP?"));

        // Then the question is posted in the session's channel without her name, and she is told in her chat
        assertThat(questionsIn(CHANNEL)).singleElement()
                .satisfies(q -> assertThat(q.cardText()).contains("Anonymous question: what is BGP?"));
        assertThat(connector.to(personalChat(ASKER))).singleElement().satisfies(reply -> assertThat(reply.cardText())
                .contains("Your flag is up").contains("posted in the channel without your name"));
        assertNoTraceOfTheAsker("");
    }

    /** A session running in a channel whose roster has only its presenter. */
    private void aSessionTheAskerIsNotIn() {
        sessionStartedBy("alice", CHANNEL, "Peering");
        connector.roster(CHANNEL, "29:teams-user-alice");
        connector.clear();
    }

    @Test
    void someoneInNoTeamWithASessionIsToldSoAndNothingIsPosted() throws Exception {
        aSessionTheAskerIsNotIn();

        post(Activities.personalMessage(connector.serviceUrl(), ASKER, "wait what is BGP?"));

        assertThat(questionsIn(CHANNEL)).isEmpty();
        assertThat(connector.to(personalChat(ASKER))).singleElement().satisfies(reply -> assertThat(reply.cardText())
                .contains("no live session running right now in a team you're in").contains("Nothing was sent"));
    }

    @Test
    void withSeveralSessionsTheAskerPicksOneAndOnlyThatChannelGetsTheQuestion() throws Exception {
        // Given two sessions, in two channels zoe belongs to
        sessionStartedBy("alice", CHANNEL, "Peering");
        sessionStartedBy("bob", OTHER_CHANNEL, "Streams");
        connector.roster(CHANNEL, "29:teams-user-" + ASKER);
        connector.roster(OTHER_CHANNEL, "29:teams-user-" + ASKER);
        connector.clear();

        // When she types wait <question> in her personal chat
        post(Activities.personalMessage(connector.serviceUrl(), ASKER, "wait what is a partition?"));

        // Then she is asked which session, and nothing is posted yet
        FakeConnector.Call choice = connector.to(personalChat(ASKER)).get(0);
        assertThat(choice.cardText()).contains("which one is this for?");
        assertThat(choice.buttonTitles()).containsExactly("🎤 Peering", "🎤 Streams");
        assertThat(questionsIn(CHANNEL)).isEmpty();
        assertThat(questionsIn(OTHER_CHANNEL)).isEmpty();

        // When she picks Streams
        connector.clear();
        post(Activities.cardSubmitData(connector.serviceUrl(), ASKER, action(choice.card(), "🎤 Streams")
                .path("data").toString()));

        // Then only that channel gets it
        assertThat(questionsIn(OTHER_CHANNEL)).singleElement()
                .satisfies(q -> assertThat(q.cardText()).contains("Anonymous question: what is a partition?"));
        assertThat(questionsIn(CHANNEL)).isEmpty();
        assertNoTraceOfTheAsker("");
    }

    @Test
    void aPickedSessionIsCheckedAgainstTheRosterWhenTheButtonComesBack() throws Exception {
        aSessionTheAskerIsNotIn();

        // zoe forges the choice card's data for a channel she is not in
        post(Activities.cardSubmitData(connector.serviceUrl(), ASKER, JSON.createObjectNode()
                .put("guildhall", PersonalChatWait.CHOICE).put("channel", CHANNEL).put("wait", "spam").toString()));

        assertThat(questionsIn(CHANNEL)).isEmpty();
        assertThat(connector.to(personalChat(ASKER))).singleElement()
                .satisfies(reply -> assertThat(reply.cardText()).contains("nothing was sent"));
    }

    private static JsonNode action(JsonNode card, String title) {
        for (JsonNode action : card.path("actions")) {
            if (action.path("title").asText().equals(title)) {
                return action;
            }
        }
        throw new AssertionError("no action " + title + " in " + card);
    }

    /**
     * What reaches anyone but the asker (every call to the connector except replies into her own personal chat and
     * the roster look-ups, which name her to the platform that told us who she is), what is stored about Teams
     * conversations and people, and every log line: none carries her id or name.
     */
    private void assertNoTraceOfTheAsker(String invokeAnswer) {
        List<String> outbound = connector.calls().stream()
                .filter(c -> !c.conversation().equals(personalChat(ASKER)))
                .filter(c -> !(c.method().equals("GET") && c.path().contains("/members/")))
                .map(c -> c.path() + " " + c.body())
                .toList();
        String stored = guildhall.database().read(h -> h.createQuery("""
                        SELECT person_id || teams_user_id || COALESCE(personal_conversation_id, '') FROM teams_person
                        UNION ALL SELECT conversation_id || reference FROM teams_conversation
                        UNION ALL SELECT id || display_name FROM person""")
                .mapTo(String.class).list()).toString();
        List<ILoggingEvent> logged;
        synchronized (logs) {
            // Copied under the appender's own lock: the fake connector's threads may still be logging.
            logged = List.copyOf(logs.list);
        }
        // The fake connector runs on the JDK's HTTP server, which logs its requests: those are the platform's lines.
        List<String> logLines = logged.stream().filter(e -> !e.getLoggerName().equals(FAKE_CONNECTOR_LOGGER))
                .map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
        for (String trace : ASKER_TRACES) {
            assertThat(outbound).as("outbound activities").noneMatch(call -> call.contains(trace));
            assertThat(invokeAnswer).as("the invoke's answer").doesNotContain(trace);
            assertThat(stored).as("stored references and people").doesNotContain(trace);
            assertThat(logLines).as("log lines").noneMatch(line -> line.contains(trace));
        }
        assertThat(outbound).as("the session and its question went out").isNotEmpty();
    }
}
