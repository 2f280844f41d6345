package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.app_backend.SlackSignature;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.core.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter over real HTTP: signed requests to /slack/events, Web API calls to a fake Slack. */
class SlackEndToEndTest {
    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
        rig.slack.user("U0ALICE", "Alice", "Europe/Berlin");
        rig.slack.user("U0BOB", "Bob", "America/New_York");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private static JsonNode json(String body) throws Exception {
        return FakeSlack.JSON.readTree(body);
    }

    private static String allText(JsonNode node) {
        return node.toString();
    }

    private List<FakeSlack.Call> directMessagesTo(String userId, int count) {
        return rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && ("D" + userId).equals(call.param("channel")), count, "chat.postMessage to " + userId);
    }

    @Test
    void teachThenLearnAcksBothWithinThreeSecondsAndDmsBothPeople() throws Exception {
        // Given alice teaches kubernetes
        SlackRig.Answer teach = rig.command("U0ALICE", "alice", "/teach", "kubernetes");

        // When bob asks to learn k8s
        SlackRig.Answer learn = rig.command("U0BOB", "bob", "/learn", "k8s");

        // Then both get their reply in the ack, well within Slack's 3 seconds
        assertThat(teach.status()).isEqualTo(200);
        assertThat(teach.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(json(teach.body()).get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(allText(json(teach.body()).get("blocks"))).contains("You now teach *kubernetes*");
        assertThat(learn.status()).isEqualTo(200);
        assertThat(learn.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(allText(json(learn.body()).get("blocks"))).contains("found a teacher");
        // and both are DMed about the match after the ack, through conversations.open and chat.postMessage
        FakeSlack.Call proposal = directMessagesTo("U0ALICE", 1).get(0);
        assertThat(proposal.param("text")).contains("Can you teach *kubernetes*");
        JsonNode buttons = StreamSupport.stream(proposal.json("blocks").spliterator(), false)
                .filter(block -> block.get("type").asText().equals("actions")).findFirst().orElseThrow()
                .get("elements");
        assertThat(buttons.get(0).get("action_id").asText()).startsWith("mentorship.accept:");
        assertThat(buttons.get(0).get("value").asText()).isEqualTo(buttons.get(0).get("action_id").asText());
        assertThat(buttons.get(0).get("style").asText()).isEqualTo("primary");
        assertThat(directMessagesTo("U0BOB", 1).get(0).param("text")).contains("found you a teacher");
        assertThat(rig.slack.calls("conversations.open")).extracting(call -> call.param("users"))
                .contains("U0ALICE", "U0BOB");
        // and every Web API call carried the bot token
        assertThat(rig.slack.calls()).filteredOn(call -> !call.method().equals("response_url"))
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer xoxb-test"));
    }

    @Test
    void callersAreLookedUpAfterTheAckAndRememberedWithTheirTimeZone() {
        // When alice uses a command
        rig.command("U0ALICE", "alice", "/teach", "kubernetes");

        // Then users.info is asked once, and her display name and time zone are stored
        rig.slack.awaitCalls("users.info", 1);
        String zone = awaitValue("SELECT time_zone FROM person WHERE id = 'slack:T0TEST:U0ALICE'", "Europe/Berlin");
        assertThat(zone).isEqualTo("Europe/Berlin");
        assertThat(nameOfAlice()).isEqualTo("Alice");

        // When she uses another command soon after, the cached answer is used: no second look-up
        rig.command("U0ALICE", "alice", "/teach", "list");
        assertThat(rig.slack.calls("users.info")).hasSize(1);
        assertThat(nameOfAlice()).isEqualTo("Alice");
    }

    private String nameOfAlice() {
        return rig.bot.database().read(h -> h.createQuery(
                "SELECT display_name FROM person WHERE id = 'slack:T0TEST:U0ALICE'").mapTo(String.class).one());
    }

    private String awaitValue(String sql, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String value = null;
        while (System.nanoTime() < deadline) {
            value = rig.bot.database().read(h -> h.createQuery(sql).mapTo(String.class).findOne().orElse(null));
            if (expected.equals(value)) {
                return value;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return value;
    }

    @Test
    void everyCommandAnswersHelpInTheAck() throws Exception {
        // Given every command the router knows
        for (CommandSpec spec : rig.bot.router().commands()) {
            // When someone types /<command> help
            SlackRig.Answer answer = rig.command("U0ALICE", "alice", "/" + spec.name(), "help");

            // Then the usage comes back in the ack (/guildhall help lists every command before its own usage)
            assertThat(answer.status()).as(spec.name()).isEqualTo(200);
            assertThat(json(answer.body()).get("text").asText()).as(spec.name())
                    .contains(BlockKit.fallback(Reply.of(spec.usage()).messages().get(0)));
        }
    }

    @Test
    void aCommandTypedAloneOpensItsFormNotAnError() throws Exception {
        // When bob types /learn with nothing after it (Slack then sends no text at all)
        SlackRig.Answer answer = rig.command("U0BOB", "bob", "/learn", null);

        // Then the form opens for him to fill in, and nothing is opened yet
        assertThat(answer.status()).isEqualTo(200);
        assertThat(rig.slack.calls("views.open")).hasSize(1);
        assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isZero();
    }

    @Test
    void anUnknownCommandGetsTheListOfCommands() throws Exception {
        SlackRig.Answer answer = rig.command("U0BOB", "bob", "/lern", "k8s");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer.body()).get("text").asText()).contains("I don't know /lern").contains("/learn");
    }

    @Test
    void aButtonPressReachesTheCoreAndTheProposalIsUpdatedInPlace() throws Exception {
        // Given alice was proposed as bob's teacher
        rig.command("U0ALICE", "alice", "/teach", "kubernetes");
        rig.command("U0BOB", "bob", "/learn", "k8s");
        FakeSlack.Call proposal = directMessagesTo("U0ALICE", 1).get(0);
        String accept = proposal.json("blocks").findValuesAsText("action_id").stream()
                .filter(id -> id.startsWith("mentorship.accept:")).findFirst().orElseThrow();

        // When she presses Accept
        SlackRig.Answer press = rig.signed(SlackRequests.blockAction("U0ALICE", "alice", accept, "D0U0ALICE",
                rig.slack.responseUrl("press"), SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");

        // Then the press is acked, the proposal DM is replaced in place and bob hears the match is on
        assertThat(press.status()).isEqualTo(200);
        FakeSlack.Call update = rig.slack.awaitCalls("chat.update", 1).get(0);
        assertThat(update.param("channel")).isEqualTo("DU0ALICE");
        assertThat(update.param("ts")).startsWith("1700000000.");
        assertThat(update.param("text")).contains("The match is on");
        assertThat(directMessagesTo("U0BOB", 2).get(1).param("text")).contains("The match is on");
        assertThat(rig.count("SELECT COUNT(*) FROM mentorship_match WHERE status = 'ACCEPTED'")).isEqualTo(1);
    }

    @Test
    void aRepliedPressAnswersThePresserThroughTheResponseUrl() {
        // Given a waiting ticket of bob's on the board
        rig.command("U0BOB", "bob", "/learn", "rust");

        // When alice takes it from the board
        rig.signed(SlackRequests.blockAction("U0ALICE", "alice", "mentorship.take:1", "C0GENERAL",
                rig.slack.responseUrl("take"), SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");

        // Then her confirmation comes back through the response_url, only to her, beside the board
        FakeSlack.Call reply = rig.slack.awaitCalls("response_url", 1).get(0);
        assertThat(reply.param("text")).contains("You took ticket #1");
        assertThat(reply.param("response_type")).isEqualTo("ephemeral");
        assertThat(reply.param("replace_original")).isEqualTo("false");
    }

    @Test
    void appHomeShowsTicketsMatchesAndTopicsWithButtons() {
        // Given alice teaches kubernetes and was proposed for bob's ticket
        rig.command("U0ALICE", "alice", "/teach", "kubernetes");
        rig.command("U0BOB", "bob", "/learn", "k8s");
        rig.command("U0ALICE", "alice", "/teach", "rust");
        rig.command("U0BOB", "bob", "/learn", "go");

        // When alice opens the bot's Home tab
        SlackRig.Answer opened = rig.signed(SlackRequests.appHomeOpened("U0ALICE", "Ev0HOME1"), "application/json");

        // Then the event is acked and her home view is published with the proposal's buttons and her topics
        assertThat(opened.status()).isEqualTo(200);
        FakeSlack.Call publish = rig.slack.awaitCalls("views.publish", 1).get(0);
        assertThat(publish.param("user_id")).isEqualTo("U0ALICE");
        JsonNode view = publish.json("view");
        assertThat(view.get("type").asText()).isEqualTo("home");
        assertThat(view.toString()).contains("Can you teach *kubernetes*").contains("What you teach")
                .contains("rust");
        assertThat(view.findValuesAsText("action_id")).anyMatch(id -> id.startsWith("mentorship.accept:"))
                .anyMatch(id -> id.startsWith("mentorship.decline:"));

        // When bob opens his, he sees his tickets
        rig.signed(SlackRequests.appHomeOpened("U0BOB", "Ev0HOME2"), "application/json");
        FakeSlack.Call bobs = rig.slack.awaitCalls(call -> call.method().equals("views.publish")
                && "U0BOB".equals(call.param("user_id")), 1, "views.publish for bob").get(0);
        assertThat(bobs.json("view").toString()).contains("Your tickets").contains("kubernetes").contains("go");
    }

    @Test
    void aPressInTheHomeTabRepliesByDmAndRefreshesTheHomeTab() {
        // Given alice was proposed for bob's ticket
        rig.command("U0ALICE", "alice", "/teach", "kubernetes");
        rig.command("U0BOB", "bob", "/learn", "k8s");
        directMessagesTo("U0ALICE", 1);
        long matchId = rig.count("SELECT id FROM mentorship_match");

        // When she declines from her Home tab
        SlackRig.Answer press = rig.signed(SlackRequests.homeBlockAction("U0ALICE", "alice",
                "mentorship.decline:" + matchId, SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");

        // Then the decline is recorded and her home tab is published again
        assertThat(press.status()).isEqualTo(200);
        assertThat(rig.slack.awaitCalls("views.publish", 1).get(0).param("user_id")).isEqualTo("U0ALICE");
        assertThat(rig.count("SELECT COUNT(*) FROM mentorship_match WHERE status = 'DECLINED'")).isEqualTo(1);
    }

    @Test
    void aRetriedCommandChangesNothingAndGetsTheSameReply() throws Exception {
        // Given bob opened a ticket
        Map<String, String> learn = SlackRequests.slashCommand("U0BOB", "bob", "/learn", "rust", "C0GENERAL",
                "general", rig.slack.responseUrl("bob"));
        SlackRig.Answer first = rig.form(learn);

        // When Slack delivers the same command again (a retry)
        SlackRig.Answer retry = rig.signed(SlackRequests.form(learn), "application/x-www-form-urlencoded",
                "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");

        // Then there is still one ticket, and the retry got the first reply (not "you already have a ticket")
        assertThat(retry.status()).isEqualTo(200);
        assertThat(json(retry.body()).get("text").asText()).isEqualTo(json(first.body()).get("text").asText())
                .contains("Ticket #1");
        assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isEqualTo(1);
    }

    @Test
    void aRetriedButtonPressIsAppliedOnce() {
        // Given alice teaches and bob is proposed to her
        rig.command("U0ALICE", "alice", "/teach", "kubernetes");
        rig.command("U0BOB", "bob", "/learn", "k8s");
        directMessagesTo("U0BOB", 1);
        String trigger = SlackRequests.newTriggerId();
        String press = SlackRequests.blockAction("U0ALICE", "alice", "mentorship.accept:1", "D0U0ALICE",
                rig.slack.responseUrl("press"), trigger);

        // When the same press arrives twice
        rig.signed(press, "application/x-www-form-urlencoded");
        rig.signed(press, "application/x-www-form-urlencoded", "X-Slack-Retry-Num", "1");

        // Then bob is told once that the match is on, and no "you already accepted" reply goes out
        directMessagesTo("U0BOB", 2);
        rig.slack.awaitCalls("chat.update", 1);
        rig.bot.runDue();
        assertThat(rig.slack.calls("chat.postMessage")).filteredOn(call -> call.param("text").contains("match is on")
                && call.param("channel").equals("DU0BOB")).hasSize(1);
        assertThat(rig.slack.calls("response_url")).noneMatch(call -> String.valueOf(call.param("text"))
                .contains("already accepted"));
    }

    @Test
    void aRetriedHomeEventPublishesOnce() {
        // When the same app_home_opened event arrives twice
        rig.signed(SlackRequests.appHomeOpened("U0ALICE", "Ev0SAME"), "application/json");
        rig.signed(SlackRequests.appHomeOpened("U0ALICE", "Ev0SAME"), "application/json", "X-Slack-Retry-Num", "1");
        rig.signed(SlackRequests.appHomeOpened("U0ALICE", "Ev0OTHER"), "application/json");

        // Then the home tab is published for the two distinct events only
        rig.slack.awaitCalls("views.publish", 2);
        rig.adapter.close();
        assertThat(rig.slack.calls("views.publish")).hasSize(2);
    }

    @Test
    void aDirectMessageThatHitsARateLimitIsSentAfterRetryAfter() {
        // Given Slack rate-limits the next chat.postMessage for 30 seconds
        rig.slack.rateLimitNext("chat.postMessage", 30);
        rig.command("U0ALICE", "alice", "/teach", "kubernetes");

        // When bob's ticket makes the bot DM alice and bob
        rig.command("U0BOB", "bob", "/learn", "k8s");

        // Then the limited message waits for Retry-After, not a guess, and so does the other DM: Slack's limits are
        // per method and workspace, so nothing more is posted there before Retry-After
        rig.slack.awaitCalls("chat.postMessage", 1);
        rig.awaitCount("SELECT COUNT(*) FROM outbox WHERE last_error LIKE 'rate limited%'", 1);
        long waiting = rig.bot.database().read(h -> h.createQuery(
                "SELECT next_attempt_at - :now FROM outbox"
                        + " WHERE status = 'PENDING' AND last_error LIKE 'rate limited%'")
                .bind("now", rig.clock.instant()).mapTo(Long.class).one());
        assertThat(waiting).isBetween(20_000L, 30_000L);
        assertThat(rig.slack.calls("chat.postMessage")).hasSize(1);

        // When 30 seconds pass on the bot's clock, both are delivered
        rig.clock.advance(Duration.ofSeconds(30));
        rig.slack.awaitCalls("chat.postMessage", 3);
        assertThat(rig.slack.calls("chat.postMessage")).extracting(call -> call.param("channel"))
                .contains("DU0ALICE", "DU0BOB");
        assertThat(rig.awaitCount("SELECT COUNT(*) FROM outbox WHERE status <> 'DELIVERED'", 0)).isZero();
    }

    @Test
    void aBodySignedWithAnotherSecretIsRefusedAndChangesNothing() {
        // Given a /learn signed with the wrong secret
        String body = SlackRequests.form(SlackRequests.slashCommand("U0BOB", "bob", "/learn", "rust", "C0GENERAL",
                "general", rig.slack.responseUrl("bob")));
        String timestamp = String.valueOf(rig.clock.instant().getEpochSecond());
        String forged = new SlackSignature.Generator("not-the-secret").generate(timestamp, body);

        // When it is posted
        SlackRig.Answer answer = rig.send(body, "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", forged);

        // Then 401, no ticket, nobody recorded, no Web API call
        assertThat(answer.status()).isEqualTo(401);
        assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isZero();
        assertThat(rig.count("SELECT COUNT(*) FROM person")).isZero();
        rig.adapter.close();
        assertThat(rig.slack.calls()).isEmpty();
    }

    @Test
    void unsignedAndStaleRequestsAreRefused() {
        String body = SlackRequests.form(SlackRequests.slashCommand("U0BOB", "bob", "/learn", "rust", "C0GENERAL",
                "general", rig.slack.responseUrl("bob")));
        // Unsigned
        assertThat(rig.send(body, "application/x-www-form-urlencoded").status()).isEqualTo(401);
        // Signed correctly, six minutes ago (a replay)
        String old = String.valueOf(rig.clock.instant().minusSeconds(360).getEpochSecond());
        assertThat(rig.send(body, "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp", old,
                "X-Slack-Signature", new SlackSignature.Generator(SlackRig.SECRET).generate(old, body)).status())
                .isEqualTo(401);
        // Signed correctly, but the body was changed on the way
        String now = String.valueOf(rig.clock.instant().getEpochSecond());
        assertThat(rig.send(body.replace("rust", "java"), "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", now,
                "X-Slack-Signature", new SlackSignature.Generator(SlackRig.SECRET).generate(now, body)).status())
                .isEqualTo(401);
        assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isZero();
        assertThat(rig.slack.calls()).isEmpty();
    }

    @Test
    void aReplyTooBigForOneSlackMessageContinuesThroughTheResponseUrl() throws Exception {
        // Given fifteen topics waiting on the board (each shows as text, fields and a Take button: 3 blocks + divider)
        for (int i = 0; i < 15; i++) {
            rig.command("U0L" + i, "learner" + i, "/learn", "topic-" + i);
        }

        // When alice looks at the whole board
        SlackRig.Answer board = rig.command("U0ALICE", "alice", "/learn", "board");

        // Then the ack carries what fits in one message and the rest follows, only to her
        JsonNode ack = json(board.body());
        assertThat(ack.get("blocks").size()).isLessThanOrEqualTo(BlockKit.MESSAGE_BLOCKS);
        FakeSlack.Call rest = rig.slack.awaitCalls("response_url", 1).get(0);
        assertThat(rest.param("response_type")).isEqualTo("ephemeral");
        assertThat(ack.findValuesAsText("action_id").size() + rest.json("blocks").findValuesAsText("action_id").size())
                .isEqualTo(15);
    }

    @Test
    void answersSlacksUrlVerificationChallenge() throws Exception {
        // When Slack checks the request URL entered in the app's settings (it signs that request too)
        SlackRig.Answer answer = rig.signed("{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY\","
                + "\"type\":\"url_verification\"}", "application/json");

        // Then the challenge comes back
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY");
    }

    @Test
    void aCommandInAChannelCarriesTheChannel() throws Exception {
        // When bob opens the board in #general
        rig.command("U0BOB", "bob", "/learn", "rust");
        SlackRig.Answer board = rig.form(SlackRequests.slashCommand("U0ALICE", "alice", "/learn", "board",
                "C0GENERAL", "general", rig.slack.responseUrl("alice")));

        // Then the board comes back with a Take button per ticket
        assertThat(json(board.body()).findValuesAsText("action_id")).contains("mentorship.take:1");
    }

    private static List<String> actionIds(FakeSlack.Call call) {
        return StreamSupport.stream(call.json("blocks").spliterator(), false)
                .filter(block -> block.get("type").asText().equals("actions"))
                .flatMap(block -> StreamSupport.stream(block.get("elements").spliterator(), false))
                .map(button -> button.get("action_id").asText()).toList();
    }

    private void press(String userId, String name, String actionId) {
        assertThat(rig.signed(SlackRequests.blockAction(userId, name, actionId, "D" + userId,
                rig.slack.responseUrl(name), "trigger-" + System.nanoTime()), "application/x-www-form-urlencoded")
                .status()).isEqualTo(200);
    }

    /** Issue 16: a new pair's group DM, then the follow-up question's buttons, as Slack renders them. */
    @Test
    void anAcceptedMatchOpensAGroupDmWithBothAndAsksEachSideLaterWhetherTheyMet() {
        // Given bob asked alice, who teaches kubernetes
        rig.command("U0ALICE", "alice", "/teach", "kubernetes");
        rig.command("U0BOB", "bob", "/learn", "kubernetes \"run a service\"");
        FakeSlack.Call proposal = rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && "DU0ALICE".equals(call.param("channel")), 1, "proposal to alice").get(0);
        String accept = actionIds(proposal).stream().filter(id -> id.startsWith("mentorship.accept:")).findFirst()
                .orElseThrow();

        rig.awaitLookedUp("U0ALICE", "U0BOB"); // the introduction names them as users.info does

        // When alice accepts
        press("U0ALICE", "alice", accept);

        // Then one conversations.open names both users (a group DM), and the introduction is posted in it
        FakeSlack.Call open = rig.slack.awaitCalls(call -> call.method().equals("conversations.open")
                && String.valueOf(call.param("users")).contains(","), 1, "group DM").get(0);
        assertThat(open.param("users")).isEqualTo("U0BOB,U0ALICE");
        FakeSlack.Call introduction = rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && "GU0BOBU0ALICE".equals(call.param("channel")), 1, "introduction").get(0);
        assertThat(introduction.param("text")).contains("Bob, meet Alice").contains("*kubernetes*");
        assertThat(introduction.json("blocks").toString()).contains("run a service").contains("A first meeting?");

        // When three days pass
        rig.clock.advance(Duration.ofDays(3));
        rig.bot.runDueTasks();

        // Then each gets the question with its three buttons
        for (String user : List.of("U0ALICE", "U0BOB")) {
            FakeSlack.Call asked = rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                    && ("D" + user).equals(call.param("channel"))
                    && String.valueOf(call.param("text")).contains("met about"), 1, "did you meet, to " + user).get(0);
            assertThat(actionIds(asked)).containsExactly("mentorship.met:1", "mentorship.not-yet:1",
                    "mentorship.not-working:1");
            JsonNode release = StreamSupport.stream(asked.json("blocks").spliterator(), false)
                    .filter(block -> block.get("type").asText().equals("actions")).findFirst().orElseThrow()
                    .get("elements").get(2);
            assertThat(release.get("style").asText()).isEqualTo("danger");
        }
    }
}
