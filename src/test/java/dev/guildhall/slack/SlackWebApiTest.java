package dev.guildhall.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import com.slack.api.util.json.GsonFactory;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.people.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;

/**
 * The calls made for every message and caller (chat.postMessage, chat.update, conversations.open, users.info) are
 * read by the adapter itself, not by the SDK's methods client (which builds a new Gson per answer). Slack's published
 * answers must come out as the SDK read them, refusals and rate limits included.
 */
class SlackWebApiTest {
    private static final PersonId ALICE = new PersonId("slack:T0TEST:U0ALICE");
    private static final ChannelId GENERAL = new ChannelId("slack:T0TEST:C0GENERAL");
    private static final Gson SDK_GSON = GsonFactory.createSnakeCase();

    private final FakeSlack slack = FakeSlack.start();
    private final SlackChatPort port = portWithoutTheSdksMethodsClient();

    /** A port whose SDK methods client fails any call: the hot calls must not need it. */
    private SlackChatPort portWithoutTheSdksMethodsClient() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        MethodsClient unusable = mock(MethodsClient.class, invocation -> {
            throw new AssertionError("the SDK's methods client was used for " + invocation.getMethod().getName());
        });
        return new SlackChatPort(unusable, unusable, new SlackWebApi(Slack.getInstance(config), "xoxb-test"));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void theHotCallsGoOutWithTheBotTokenToTheMethodsUrlWithoutTheSdksClient() throws Exception {
        // Given Slack knows Alice
        slack.user("U0ALICE", "Alice Liddell", "Europe/Berlin");

        // When the bot DMs her, posts in a channel, updates that post and looks her up
        MessageRef direct = port.sendDirect(ALICE, Message.text("hello"));
        MessageRef posted = port.post(GENERAL, Message.text("board"));
        port.update(posted, Message.text("board, updated"));
        Optional<Person> alice = port.lookup(ALICE);

        // Then each call reached the fake Slack's methods URL with the token, and the answers were read
        assertThat(slack.calls("conversations.open")).singleElement()
                .satisfies(call -> assertThat(call.param("users")).isEqualTo("U0ALICE"));
        assertThat(slack.calls("chat.postMessage")).extracting(call -> call.param("channel"))
                .containsExactly("DU0ALICE", "C0GENERAL");
        assertThat(slack.calls("chat.postMessage").get(0).param("text")).isEqualTo("hello");
        assertThat(slack.calls("chat.postMessage").get(1).json("blocks").isArray()).isTrue();
        assertThat(slack.calls("chat.update")).singleElement().satisfies(call -> {
            assertThat(call.param("channel")).isEqualTo("C0GENERAL");
            assertThat(posted.value()).endsWith(":" + call.param("ts"));
        });
        assertThat(slack.calls()).extracting(FakeSlack.Call::authorization).containsOnly("Bearer xoxb-test");
        assertThat(direct.value()).startsWith("slack:T0TEST:DU0ALICE:1700000000.");
        assertThat(alice).contains(new Person(ALICE, "Alice Liddell", Optional.of(ZoneId.of("Europe/Berlin"))));
    }

    @Test
    void slacksPublishedPostMessageAndOpenAnswersGiveWhatTheSdkReadsFromThem() throws Exception {
        // Given Slack answers with its documented examples
        String open = fixture("conversations.open.ok.json");
        String posted = fixture("chat.postMessage.ok.json");
        slack.answerNext("conversations.open", 200, open);
        slack.answerNext("chat.postMessage", 200, posted);

        // When the bot DMs someone
        MessageRef ref = port.sendDirect(ALICE, Message.text("hello"));

        // Then the DM channel and the timestamp are the ones the SDK reads from those answers
        String channel = SDK_GSON.fromJson(open, ConversationsOpenResponse.class).getChannel().getId();
        String ts = SDK_GSON.fromJson(posted, ChatPostMessageResponse.class).getTs();
        assertThat(ref.value()).isEqualTo("slack:T0TEST:" + channel + ":" + ts)
                .isEqualTo("slack:T0TEST:D069C7QFK:1503435956.000247");
        assertThat(slack.calls("chat.postMessage").get(0).param("channel")).isEqualTo("D069C7QFK");
    }

    @Test
    void slacksPublishedUserAnswerGivesTheNameAndZoneTheSdkReadsFromIt() throws Exception {
        // Given Slack answers users.info with its documented example
        String answer = fixture("users.info.ok.json");
        slack.answerNext("users.info", 200, answer);
        PersonId egon = new PersonId("slack:T012AB3C4:W012A3CDE");

        // When the bot looks the person up
        Optional<Person> person = port.lookup(egon);

        // Then the name and zone are what the SDK's model of the same answer gives
        User user = SDK_GSON.fromJson(answer, UsersInfoResponse.class).getUser();
        Person bySdk = new Person(egon, SlackChatPort.displayName(user.getProfile().getDisplayName(),
                user.getProfile().getRealName(), user.getRealName(), user.getName()), People.zone(user.getTz()));
        assertThat(person).contains(bySdk)
                .contains(new Person(egon, "spengler", Optional.of(ZoneId.of("America/Los_Angeles"))));
        assertThat(slack.calls("users.info").get(0).param("user")).isEqualTo("W012A3CDE");
    }

    @Test
    void aProfileWithoutADisplayNameFallsBackAsBefore() throws Exception {
        // Given answers that leave out the display name, then every name of the profile
        slack.answerNext("users.info", 200, """
                {"ok":true,"user":{"id":"U0ALICE","name":"alice","real_name":"Alice L.","tz":null,
                 "profile":{"display_name":"","real_name":"Alice Liddell"}}}""");
        slack.answerNext("users.info", 200, """
                {"ok":true,"user":{"id":"U0ALICE","name":"alice","real_name":"Alice L.","profile":{}}}""");
        slack.answerNext("users.info", 200, """
                {"ok":true,"user":{"id":"U0ALICE","name":"alice"}}""");
        slack.answerNext("users.info", 200, """
                {"ok":true}""");

        // Then the profile's real name, the account's real name, then its handle are used; no user, nobody
        assertThat(port.lookup(ALICE)).contains(new Person(ALICE, "Alice Liddell", Optional.empty()));
        assertThat(port.lookup(ALICE)).contains(new Person(ALICE, "Alice L.", Optional.empty()));
        assertThat(port.lookup(ALICE)).contains(new Person(ALICE, "alice", Optional.empty()));
        assertThat(port.lookup(ALICE)).isEmpty();
    }

    @Test
    void slacksPublishedRefusalsCarryTheirCodes() throws Exception {
        // Given Slack refuses with its documented errors
        slack.answerNext("chat.postMessage", 200, fixture("chat.postMessage.error.json"));
        slack.answerNext("conversations.open", 200, fixture("conversations.open.error.json"));
        slack.answerNext("users.info", 200, fixture("users.info.error.json"));

        // Then each refusal is permanent and carries Slack's code; an unknown user is nobody
        DeliveryException post = catchThrowableOfType(DeliveryException.class,
                () -> port.post(GENERAL, Message.text("hi")));
        assertThat(post.retryable()).isFalse();
        assertThat(post.code()).contains("too_many_attachments");
        DeliveryException open = catchThrowableOfType(DeliveryException.class,
                () -> port.sendDirect(ALICE, Message.text("hi")));
        assertThat(open.code()).contains("channel_not_found");
        assertThat(open.getMessage()).contains("conversations.open");
        assertThat(slack.calls("chat.postMessage")).as("no post without a channel").hasSize(1);
        assertThat(port.lookup(ALICE)).isEmpty();
    }

    @Test
    void anAnswerWithEveryFieldTheSdkKnowsIsReadAsTheSdkReadsIt() {
        // Given the SDK's sample of every users.info field: ok false beside a user, an empty error and scope
        String answer = fixture("users.info.all-fields.json");
        UsersInfoResponse bySdk = SDK_GSON.fromJson(answer, UsersInfoResponse.class);
        slack.answerNext("users.info", 200, answer);

        // Then it is a refusal with the SDK's (empty) code, not a person
        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> port.lookup(ALICE));
        assertThat(bySdk.isOk()).isFalse();
        assertThat(failure.code()).contains(bySdk.getError());
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void aMissingScopeNamesTheScopeSlackSays() {
        slack.failNextWithNeeded("chat.update", "missing_scope", "chat:write");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> port.update(
                SlackIds.ref("T0TEST", "C0GENERAL", "1700000000.000001"), Message.text("x")));

        assertThat(failure.getMessage()).startsWith("missing_scope").contains("chat:write").contains("chat.update");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.postMessage", "chat.update", "conversations.open", "users.info"})
    void aRateLimitCarriesSlacksRetryAfter(String method) {
        // Given Slack answers this method with 429 and Retry-After: 7
        slack.rateLimitNext(method, 7);

        // When the bot makes the call
        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> callOnce(method));

        // Then the outbox is told to wait 7 s and try again
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void httpFailuresAndUnreadableAnswersAreJudgedAsBefore() {
        // Given an outage, a proxy's page on 200, and a refused request with Slack's JSON error
        slack.answerNext("chat.postMessage", 503, "<html>upstream</html>");
        slack.answerNext("chat.postMessage", 200, "<html>a captive portal</html>");
        slack.answerNext("chat.postMessage", 400, "{\"ok\":false,\"error\":\"invalid_arguments\"}");
        slack.answerNext("chat.postMessage", 404, "not json");

        // Then the first two are tried again later, the others are refusals naming what Slack said
        DeliveryException outage = catchThrowableOfType(DeliveryException.class, () -> callOnce("chat.postMessage"));
        assertThat(outage.retryable()).isTrue();
        assertThat(outage.getMessage()).contains("HTTP 503");
        DeliveryException page = catchThrowableOfType(DeliveryException.class, () -> callOnce("chat.postMessage"));
        assertThat(page.retryable()).isTrue();
        assertThat(page.getMessage()).contains("not JSON");
        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> callOnce("chat.postMessage"));
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).isEqualTo("chat.postMessage: Slack answered HTTP 400 invalid_arguments");
        DeliveryException missing = catchThrowableOfType(DeliveryException.class,
                () -> callOnce("chat.postMessage"));
        assertThat(missing.retryable()).isFalse();
        assertThat(missing.getMessage()).startsWith("chat.postMessage: Slack answered HTTP 404");
    }

    @Test
    void anOpenAnswerWithoutAChannelIsTriedAgainLaterAndPostsNothing() {
        slack.answerNext("conversations.open", 200, "{\"ok\":true}");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> port.sendDirect(ALICE, Message.text("hi")));

        assertThat(failure.retryable()).isTrue();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    private void callOnce(String method) throws DeliveryException {
        switch (method) {
            case "chat.postMessage" -> port.post(GENERAL, Message.text("hi"));
            case "chat.update" -> port.update(SlackIds.ref("T0TEST", "C0GENERAL", "1700000000.000001"),
                    Message.text("hi"));
            case "conversations.open" -> port.sendDirect(ALICE, Message.text("hi"));
            case "users.info" -> port.lookup(ALICE);
            default -> throw new IllegalArgumentException(method);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = SlackWebApiTest.class.getResourceAsStream("/slack/web-api/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
