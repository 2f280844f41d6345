package dev.guildhall.slack;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SlackChatPortTest {
    private static final PersonId ALICE = new PersonId("slack:T0TEST:U0ALICE");
    private static final PersonId BOB = new PersonId("slack:T0TEST:U0BOB");
    private static final ChannelId GENERAL = new ChannelId("slack:T0TEST:C0GENERAL");

    private final FakeSlack slack = FakeSlack.start();
    private final SlackAdapter adapter = SlackAdapter.create(SlackSettings.from(Map.of(
            SlackSettings.BOT_TOKEN, "xoxb-test", SlackSettings.API_URL, slack.apiUrl())));
    private final SlackChatPort port = (SlackChatPort) adapter.port();

    @AfterEach
    void stop() {
        adapter.close();
        slack.close();
    }

    @Test
    void aChannelsMemberCountIsSlacksNumMembersAskedForExplicitly() {
        slack.channelMembers("C0GENERAL", 40);

        assertThat(port.memberCount(GENERAL)).hasValue(40);
        assertThat(slack.calls("conversations.info")).singleElement().satisfies(call -> {
            assertThat(call.param("channel")).isEqualTo("C0GENERAL");
            assertThat(call.param("include_num_members")).isIn("true", "1");
        });
    }

    @Test
    void aMemberCountSlackCannotGiveIsUnknownNotAFailure() {
        // A DM has no member count; an answer without num_members is unknown; a refusal is logged, not thrown
        slack.channelMembers("DU0ALICE", 2);
        assertThat(port.memberCount(new ChannelId("slack:T0TEST:DU0ALICE"))).isEmpty();
        assertThat(port.memberCount(GENERAL)).isEmpty();
        slack.channelMembers("C0GENERAL", 40);
        slack.failNextWithNeeded("conversations.info", "missing_scope", "groups:read");
        assertThat(port.memberCount(GENERAL)).isEmpty();
        slack.answerNext("conversations.info", 500, "oops");
        assertThat(port.memberCount(GENERAL)).isEmpty();
        assertThat(port.memberCount(GENERAL)).hasValue(40);
    }

    @Test
    void aDirectMessageOpensTheImOnceThenPostsIntoIt() throws Exception {
        MessageRef first = port.sendDirect(ALICE, Message.text("hello *there*"));
        MessageRef second = port.sendDirect(ALICE, Message.text("again"));

        assertThat(slack.calls("conversations.open")).hasSize(1);
        assertThat(slack.calls("conversations.open").get(0).param("users")).isEqualTo("U0ALICE");
        assertThat(slack.calls("chat.postMessage")).extracting(call -> call.param("channel"))
                .containsExactly("DU0ALICE", "DU0ALICE");
        assertThat(slack.calls("chat.postMessage").get(0).param("text")).isEqualTo("hello *there*");
        assertThat(first.value()).startsWith("slack:T0TEST:DU0ALICE:1700000000.");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void postsEphemeralsAndUpdatesInPlace() throws Exception {
        MessageRef posted = port.post(GENERAL, Message.text("board"));
        port.postEphemeral(GENERAL, BOB, Message.text("only you"));
        port.update(posted, Message.text("board, updated"));

        assertThat(posted.value()).startsWith("slack:T0TEST:C0GENERAL:");
        assertThat(slack.calls("chat.postEphemeral").get(0).params()).containsEntry("channel", "C0GENERAL")
                .containsEntry("user", "U0BOB");
        FakeSlack.Call update = slack.calls("chat.update").get(0);
        assertThat(update.param("channel")).isEqualTo("C0GENERAL");
        assertThat(posted.value()).endsWith(":" + update.param("ts"));
        assertThatThrownBy(() -> port.update(new MessageRef("console:@alice:1"), Message.text("x")))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("not a Slack message");
    }

    @Test
    void aMessageOfMoreThanFiftyBlocksIsPostedAsSeveralInOrderAndAnUpdateStaysOne() throws Exception {
        // Given a text of 60 sections' worth, with entities, and a button
        String text = ("Lines & <links> that go on. ".repeat(70) + "\n").repeat(60);
        Message message = Message.text(text).withButton(Message.Button.of("a:1", "Do it"));

        // When it is posted in a channel
        MessageRef posted = port.post(GENERAL, message);

        // Then it goes out as two Slack messages, in order, within the limits, together the whole text
        List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(2);
        StringBuilder delivered = new StringBuilder();
        for (FakeSlack.Call post : posts) {
            SlackText.assertWithinLimits(post.json("blocks"));
            SlackText.texts(post.json("blocks")).forEach(sent -> delivered.append(SlackText.unescape(sent)));
        }
        assertThat(delivered.toString()).isEqualTo(text);
        assertThat(posts.get(1).json("blocks").findValuesAsText("action_id")).containsExactly("a:1");
        // and the reference is the first message's (the fake numbers its messages from 1)
        assertThat(posted.value()).endsWith(":1700000000.000001");

        // When the same message replaces one in place, it stays one message and says it was too long
        port.update(posted, message);
        FakeSlack.Call update = slack.calls("chat.update").get(0);
        SlackText.assertWithinLimits(update.json("blocks"));
        assertThat(SlackText.texts(update.json("blocks"))).last().asString().contains("does not fit in one Slack message");
    }

    @Test
    void createsAChannelWithASlackNameAndInvitesPeople() throws Exception {
        ChannelId channel = port.createChannel("WG: Platform Guild!", List.of(ALICE, BOB));

        assertThat(slack.calls("conversations.create").get(0).param("name")).isEqualTo("wg-platform-guild");
        assertThat(slack.calls("conversations.invite").get(0).params()).containsEntry("channel",
                SlackIds.channelId(channel)).containsEntry("users", "U0ALICE,U0BOB");
        assertThat(channel.value()).startsWith("slack:T0TEST:C0NEW");
    }

    @Test
    void aTakenChannelNameGetsANumberLikePeopleDoByHand() throws Exception {
        slack.existingChannel("platform");
        slack.existingChannel("platform-2");

        ChannelId channel = port.createChannel("platform", List.of(ALICE));

        assertThat(slack.calls("conversations.create")).extracting(call -> call.param("name"))
                .containsExactly("platform", "platform-2", "platform-3");
        assertThat(slack.calls("conversations.invite").get(0).param("channel")).isEqualTo(SlackIds.channelId(channel));
    }

    @Test
    void aMissingScopeNamesTheScopeAndCreatesNothing() {
        slack.failNext("conversations.create", "missing_scope");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> port.createChannel("platform", List.of(ALICE)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).startsWith("missing_scope").contains("channels:manage");
        assertThat(slack.calls("conversations.invite")).isEmpty();
    }

    @Test
    void aFailedInvitationArchivesTheNewChannelAgain() {
        slack.failNext("conversations.invite", "user_not_found");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> port.createChannel("platform", List.of(ALICE)));

        assertThat(failure.getMessage()).startsWith("user_not_found");
        assertThat(slack.calls("conversations.create")).hasSize(1);
        assertThat(slack.calls("conversations.archive")).extracting(call -> call.param("channel"))
                .containsExactly("C0NEW1");
    }

    @Test
    void archivesAChannelAndTakesAlreadyArchivedAsDone() throws Exception {
        ChannelId channel = new ChannelId("slack:T0TEST:C0WG");

        port.archiveChannel(channel);
        port.archiveChannel(channel);

        assertThat(slack.calls("conversations.archive")).extracting(call -> call.param("channel"))
                .containsExactly("C0WG", "C0WG");
        slack.failNextWithNeeded("conversations.archive", "missing_scope", "channels:manage");
        assertThatThrownBy(() -> port.archiveChannel(channel)).isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("missing_scope").hasMessageContaining("channels:manage");
    }

    @Test
    void looksPeopleUpWithTheirTimeZone() throws Exception {
        slack.user("U0ALICE", "Alice Liddell", "Europe/Berlin");

        Optional<Person> alice = port.lookup(ALICE);

        assertThat(alice).contains(new Person(ALICE, "Alice Liddell", Optional.of(ZoneId.of("Europe/Berlin"))));
        assertThat(port.lookup(BOB)).isEmpty();
    }

    @Test
    void aRateLimitCarriesSlacksRetryAfter() {
        slack.rateLimitNext("chat.postMessage", 7);

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> port.post(GENERAL, Message.text("hi")));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void refusalsSayWhatTheAdminMustDo() {
        slack.failNext("chat.postMessage", "not_in_channel");
        slack.failNext("chat.postMessage", "channel_not_found");
        slack.failNextWithNeeded("chat.postMessage", "missing_scope", "chat:write.public");
        slack.failNext("chat.postMessage", "invalid_auth");

        assertThat(permanentFailure()).startsWith("not_in_channel").contains("/invite @Guildhall");
        assertThat(permanentFailure()).startsWith("channel_not_found").contains("private channel");
        assertThat(permanentFailure()).startsWith("missing_scope").contains("chat:write.public")
                .contains("reinstall");
        assertThat(permanentFailure()).startsWith("invalid_auth").contains("SLACK_BOT_TOKEN");
    }

    @Test
    void aRefusalCarriesSlacksErrorCodeForTheAdapterToDecideOn() {
        slack.failNext("chat.postMessage", "name_taken");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> port.post(GENERAL, Message.text("hi")));

        assertThat(failure.code()).contains("name_taken");
        assertThat(failure.hasCode("name_taken")).isTrue();
        assertThat(failure.hasCode("name")).as("the code, not a prefix of the text").isFalse();
    }

    private String permanentFailure() {
        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> port.post(GENERAL, Message.text("hi")));
        assertThat(failure.retryable()).isFalse();
        return failure.getMessage();
    }

    @Test
    void outagesAndNetworkErrorsAreRetried() throws Exception {
        slack.answerNext("chat.postMessage", 503, "<html>upstream</html>");
        slack.failNext("chat.postMessage", "internal_error");
        assertThat(catchThrowableOfType(DeliveryException.class, () -> port.post(GENERAL, Message.text("hi")))
                .retryable()).isTrue();
        assertThat(catchThrowableOfType(DeliveryException.class, () -> port.post(GENERAL, Message.text("hi")))
                .retryable()).isTrue();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SlackAdapter unreachable = SlackAdapter.create(SlackSettings.from(Map.of(SlackSettings.BOT_TOKEN,
                "xoxb-test", SlackSettings.API_URL, "http://127.0.0.1:" + closedPort + "/api/")));
        try {
            DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                    () -> unreachable.port().post(GENERAL, Message.text("hi")));
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.getMessage()).contains("could not reach Slack");
        } finally {
            unreachable.close();
        }
    }

    @Test
    void aRefusedTokenStopsStartUpNamingTheVariable() {
        slack.failNext("auth.test", "invalid_auth");

        assertThatThrownBy(adapter::checkToken).hasMessageStartingWith("SLACK_BOT_TOKEN was refused by Slack");
    }
}
