package dev.guildhall.livesession;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSessionTest {
    private static final String NUDGE = "people are lost — pause and ask what's unclear";
    private static final Instant LIVE_START = Instant.parse("2026-11-26T10:00:00Z");

    @RegisterExtension
    final BotExtension bot = BotExtension.only(() -> List.of(new LiveSessionCapability())).startingAt(LIVE_START);

    @BeforeEach
    void open() {
    }

    private void aliceStarts() {
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");
    }

    @Test
    void waitWithoutALiveSessionSaysHowToStartOne() {
        // Given no session in #vpc
        // When bob types /wait there
        String reply = bot.sayIn("bob", "vpc", "/wait");

        // Then he learns how a session starts, and nothing was sent anywhere
        assertThat(reply).contains("no live session in this channel").contains("/session start \"<title>\"");
        assertThat(bot.chat.sent()).isEmpty();
    }

    @Test
    void aSecondSessionInTheSameChannelIsRefused() {
        // Given alice's session runs in #vpc
        aliceStarts();
        bot.clock.advance(Duration.ofMinutes(3));

        // When carol tries to start another one there
        String reply = bot.sayIn("carol", "vpc", "/session start \"Transit gateways\"");

        // Then she is told one is running, and by whom; no second invitation is posted
        assertThat(reply).contains("already running in this channel").contains("VPC peering").contains("alice")
                .contains("/session end");
        assertThat(bot.chat.count("#vpc", "Transit gateways")).isZero();
    }

    @Test
    void startingPostsTheInvitationWithItsButtonsAndOpensTheBoard() {
        // When alice starts a session in #vpc
        String reply = bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");

        // Then the channel gets the invitation with its buttons (and the box to ask in), and alice a board
        assertThat(reply).contains("VPC peering").contains("running");
        RecordingChatPort.Sent invitation = bot.chat.lastTo("#vpc");
        assertThat(invitation.message().text()).contains("Lost? Press *I don't get this yet* or type `/wait` — nobody,"
                + " not even the presenter, sees who.");
        assertThat(invitation.message().buttons()).extracting(b -> b.label())
                .containsExactly("I don't get this yet", "I get it now", "Ask anonymously");
        assertThat(invitation.message().buttons().get(2).takesText()).isTrue();
        assertThat(bot.chat.board("@alice")).contains("*0 lost*");
    }

    @Test
    void aQuestionTypedInTheInvitationsBoxIsAskedAndAnsweredWithTheInvitationAndAPrivateLine() {
        // Given a running session
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");

        // When bob types a question in the invitation's box and sends it
        String answer = bot.press("bob", "vpc", "livesession.ask:1", "what is a transit gateway?");

        // Then the question is posted anonymously, his flag is up, and his answer is the invitation plus his line
        assertThat(bot.chat.lastTo("#vpc").message().text()).isEqualTo("❓ Anonymous question: what is a transit gateway?");
        assertThat(bot.chat.board("@alice")).contains("*1 lost*").contains("what is a transit gateway?");
        assertThat(answer).contains("Lost? Press").contains("Only you see this").contains("Your flag is up");
    }

    @Test
    void aRetriedQuestionFromTheBoxIsAskedOnceAndRecognisedOnlyUnderTheSessionsKey() {
        // Given a running session
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");

        // When the platform delivers bob's question from the box twice, with the same request id
        bot.pressDelivered("bob", "vpc", "livesession.ask:1", "what is a transit gateway?", "teams:activity:42");
        String retry = bot.pressDelivered("bob", "vpc", "livesession.ask:1", "what is a transit gateway?",
                "teams:activity:42");

        // Then it is posted once, the repeat changes nothing, and only a keyed hash of the id was kept
        assertThat(bot.chat.count("#vpc", "Anonymous question")).isEqualTo(1);
        assertThat(retry).contains("changed nothing");
        assertThat(rows("SELECT COUNT(*) FROM handled_request")).isZero();
        assertThat(rows("SELECT COUNT(*) FROM anonymous_request")).isEqualTo(1);
    }

    @Test
    void anEmptyOrMisplacedQuestionFromTheBoxChangesNothing() {
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");
        int delivered = bot.chat.sent().size();

        assertThat(bot.press("bob", "vpc", "livesession.ask:1", "  ")).contains("Type your question in the box first")
                .contains("Lost? Press");
        assertThat(bot.press("bob", "vpc", "livesession.ask:1", "x".repeat(301))).contains("under 300 characters");
        assertThat(bot.press("bob", "elsewhere", "livesession.ask:1", "hello?"))
                .contains("asked on its card in the session's channel");
        assertThat(bot.press("bob", null, "livesession.ask:1", "hello?"))
                .contains("asked on its card in the session's channel");
        assertThat(bot.chat.sent()).hasSize(delivered);
    }

    @Test
    void aRefusedQuestionFromTheBoxComesBackToTheAskerSoTheyCanCopyItAndIsKeptNowhere() throws Exception {
        // Given a running session where bob has asked as many questions as a minute allows
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");
        for (int i = 1; i <= QuestionQuota.PER_MINUTE; i++) {
            bot.press("bob", "vpc", "livesession.ask:1", "warm-up question " + i);
        }

        // When he types one more, one far too long, and one after the session ended
        String overQuota = bot.press("bob", "vpc", "livesession.ask:1", "why do routes overlap here?");
        String tooLong = bot.press("bob", "vpc", "livesession.ask:1", "long " + "y".repeat(300));
        bot.sayIn("alice", "vpc", "/session end");
        String ended = bot.press("bob", "vpc", "livesession.ask:1", "is peering transitive at all?");

        // Then each refusal says why and gives him his own words back, to him alone
        assertThat(overQuota).contains("as many questions as this session allows")
                .contains("why do routes overlap here?");
        assertThat(tooLong).contains("under 300 characters").contains("long " + "y".repeat(300));
        assertThat(ended).contains("has ended").contains("is peering transitive at all?");
        assertThat(bot.chat.sent()).noneMatch(d -> d.message().text().contains("routes overlap")
                || d.message().text().contains("peering transitive"));
        // And the refused words are kept in no table
        String tables = dev.guildhall.testing.AnonymityEvidence.dumpEveryTable(bot.databaseFile());
        assertThat(tables).doesNotContain("routes overlap").doesNotContain("peering transitive")
                .doesNotContain("y".repeat(300));
    }

    @Test
    void sessionsBelongToChannels() {
        assertThat(bot.sayIn("alice", null, "/session start \"VPC peering\"")).contains("belongs to a channel");
        assertThat(bot.sayIn("bob", null, "/wait")).contains("in the channel where a live session is running");
        assertThat(bot.chat.sent()).isEmpty();
    }

    @Test
    void aTitleIsRequiredAndABadThresholdChangesNothing() {
        assertThat(bot.sayIn("alice", "vpc", "/session start")).contains("Give your session a title");
        assertThat(bot.sayIn("alice", "vpc", "/session start \"VPC\" --threshold 0")).contains("--threshold takes a whole number");
        assertThat(bot.sayIn("alice", "vpc", "/session start \"VPC\" --thresold 3")).contains("I don't know the option --thresold");
        assertThat(bot.sayIn("alice", "vpc", "/sesion start")).contains("I don't know /sesion");
        assertThat(bot.sayIn("alice", "vpc", "/session strat \"VPC\"")).contains("Did you mean /session start?");
        assertThat(bot.chat.sent()).isEmpty();
        assertThat(bot.sayIn("bob", "vpc", "/wait")).contains("no live session");
    }

    @Test
    void onePersonCountsOnceAndRenewsTheirFlag() {
        // Given a session
        aliceStarts();

        // When bob flags twice, by command and by button
        String first = bot.sayIn("bob", "vpc", "/wait");
        String second = bot.press("bob", "vpc", "livesession.wait:1");

        // Then he counts once
        assertThat(first).contains("Your flag is up");
        assertThat(second).contains("stays up for another 5 min");
        assertThat(bot.chat.board("@alice")).contains("*1 lost*");
        assertThat(bot.chat.count("@alice", NUDGE)).isZero();
    }

    @Test
    void theNudgeComesAtTheThresholdAndRetractingShowsTheDrop() {
        aliceStarts();
        bot.sayIn("bob", "vpc", "/wait");
        assertThat(bot.chat.count("@alice", NUDGE)).isZero();

        bot.press("carol", "vpc", "livesession.wait:1");
        assertThat(bot.chat.board("@alice")).contains("*2 lost* right now (was 1)");
        assertThat(bot.chat.lastTo("@alice").text()).contains("live board");
        assertThat(bot.chat.count("@alice", "2 people are lost — pause and ask what's unclear")).isEqualTo(1);

        assertThat(bot.press("bob", "vpc", "livesession.ok:1")).contains("your flag is down");
        assertThat(bot.chat.board("@alice")).contains("*1 lost* right now (was 2)");
        assertThat(bot.sayIn("bob", "vpc", "/wait ok")).contains("no flag up");
    }

    @Test
    void aChosenThresholdDecidesWhenTheNudgeComes() {
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\" --threshold 3");
        bot.sayIn("bob", "vpc", "/wait");
        bot.sayIn("carol", "vpc", "/wait");
        assertThat(bot.chat.count("@alice", NUDGE)).isZero();

        bot.sayIn("dave", "vpc", "/wait");
        assertThat(bot.chat.count("@alice", "3 people are lost — pause and ask what's unclear")).isEqualTo(1);
    }

    @Test
    void aFlappingCountDoesNotNudgeAgainWithinTheCooldown() {
        aliceStarts();
        bot.sayIn("bob", "vpc", "/wait");
        bot.sayIn("carol", "vpc", "/wait");
        bot.sayIn("carol", "vpc", "/wait ok");
        bot.sayIn("carol", "vpc", "/wait");
        assertThat(bot.chat.count("@alice", NUDGE)).isEqualTo(1);

        bot.sayIn("carol", "vpc", "/wait ok");
        bot.clock.advance(Duration.ofMinutes(2));
        bot.sayIn("carol", "vpc", "/wait");
        assertThat(bot.chat.count("@alice", NUDGE)).isEqualTo(2);
    }

    @Test
    void flagsGoDownByThemselvesUnlessRenewed() {
        // Given bob and carol flagged at 10:00
        aliceStarts();
        bot.sayIn("bob", "vpc", "/wait");
        bot.sayIn("carol", "vpc", "/wait");

        // When bob renews at 10:04 and the clock passes 10:05
        bot.advance(Duration.ofMinutes(4));
        bot.sayIn("bob", "vpc", "/wait");
        bot.advance(Duration.ofMinutes(1).plusSeconds(1));

        // Then carol's flag is down and the board says so; bob's goes down at 10:09
        assertThat(bot.chat.board("@alice")).contains("*1 lost* right now (was 2)");
        bot.advance(Duration.ofMinutes(4));
        assertThat(bot.chat.board("@alice")).contains("*0 lost* right now (was 1)");
    }

    @Test
    void questionsAreAnonymousAndEveryoneVotesOnce() {
        aliceStarts();
        String reply = bot.sayIn("dave", "vpc", "/wait what is a transit gateway?");
        assertThat(reply).contains("Your flag is up").contains("posted in the channel without your name");
        RecordingChatPort.Sent question = bot.chat.lastTo("#vpc");
        assertThat(question.message().text()).isEqualTo("❓ Anonymous question: what is a transit gateway?");
        assertThat(question.message().buttons()).extracting(b -> b.actionId()).containsExactly("livesession.upvote:1");

        assertThat(bot.press("carol", "vpc", "livesession.upvote:1")).contains("Counted");
        assertThat(bot.press("carol", "vpc", "livesession.upvote:1")).contains("already upvoted");
        assertThat(bot.press("dave", "vpc", "livesession.upvote:1")).contains("your own question");
        assertThat(bot.chat.lastTo("#vpc").message().context()).startsWith("▲1 vote");
        assertThat(bot.chat.board("@alice")).contains("1. what is a transit gateway? — ▲1 vote");
    }

    @Test
    void thePresenterCanRemoveAnAbusiveQuestion() {
        // Given an anonymous question on alice's board, with its Remove button
        aliceStarts();
        bot.sayIn("dave", "vpc", "/wait something rude");
        bot.sayIn("carol", "vpc", "/wait what is a transit gateway?");
        assertThat(bot.chat.lastTo("@alice").message().buttons()).extracting(b -> b.actionId())
                .containsExactly("livesession.remove:1", "livesession.remove:2", "livesession.pause:1",
                        "livesession.questions:1-0");

        // When someone else tries to remove it, then alice does
        assertThat(bot.press("bob", "vpc", "livesession.remove:1")).contains("Only alice");
        assertThat(bot.press("alice", null, "livesession.remove:1")).contains("Removed the question");

        // Then it is gone from the channel, the board, the votes and the summary
        assertThat(bot.chat.to("#vpc").stream().filter(RecordingChatPort.Sent::isUpdate)
                .map(d -> d.message().text())).contains("A question was removed by the presenter.");
        assertThat(bot.chat.board("@alice")).doesNotContain("something rude").contains("transit gateway");
        assertThat(bot.press("carol", "vpc", "livesession.upvote:1")).contains("removed by the presenter");
        assertThat(bot.press("alice", null, "livesession.remove:1")).contains("already removed");
        bot.sayIn("alice", "vpc", "/session end");
        assertThat(bot.chat.lastTo("#vpc").message().text()).contains("1 question asked");
        assertThat(bot.chat.to("@alice").stream().map(RecordingChatPort.Sent::text))
                .filteredOn(text -> text.contains("— summary")).singleElement().asString()
                .doesNotContain("something rude").contains("transit gateway");
    }

    @Test
    void aTooLongQuestionIsRefusedAndRaisesNothing() {
        aliceStarts();
        bot.chat.clear();
        assertThat(bot.sayIn("dave", "vpc", "/wait " + "why ".repeat(100))).contains("under 300 characters");
        assertThat(bot.chat.sent()).isEmpty();
    }

    @Test
    void onlyThePresenterEndsAndSeesTheBoard() {
        aliceStarts();
        assertThat(bot.sayIn("bob", "vpc", "/session end")).contains("Only alice");
        assertThat(bot.sayIn("bob", "vpc", "/session status")).contains("VPC peering").contains("/wait")
                .doesNotContain("lost right now");
        assertThat(bot.sayIn("alice", "vpc", "/session status")).contains("live board");
        assertThat(bot.sayIn("alice", null, "/session status")).contains("live board");
    }

    @Test
    void fromADmThePresenterEndsTheirOnlySessionOrIsAskedWhichOne() {
        assertThat(bot.sayIn("alice", null, "/session status")).contains("not presenting");
        assertThat(bot.sayIn("alice", null, "/session end")).contains("no live session running");
        aliceStarts();
        bot.sayIn("alice", "k8s", "/session start Pods");
        assertThat(bot.sayIn("alice", null, "/session end")).contains("running 2 live sessions")
                .contains("*VPC peering*").contains("*Pods*");
        assertThat(bot.sayIn("alice", "k8s", "/session end now")).contains("takes nothing after it");
        assertThat(bot.sayIn("alice", "k8s", "/session end")).contains("Ended *Pods*");
        assertThat(bot.sayIn("alice", null, "/session end")).contains("Ended *VPC peering*");
    }

    @Test
    void endingSendsTheSummaryAndClosesTheButtons() {
        // Given a session with two flags, a retraction and a voted question
        aliceStarts();
        bot.sayIn("bob", "vpc", "/wait");
        bot.advance(Duration.ofMinutes(1));
        bot.sayIn("carol", "vpc", "/wait");
        bot.sayIn("dave", "vpc", "/wait what is a transit gateway?");
        bot.press("carol", "vpc", "livesession.upvote:1");
        bot.advance(Duration.ofMinutes(2));

        // When alice ends it from her DM with the bot
        bot.chat.clear();
        assertThat(bot.sayIn("alice", null, "/session end")).contains("Ended *VPC peering*");

        // Then she gets the summary, the channel is told, and the buttons are gone
        RecordingChatPort.Sent summary = bot.chat.to("@alice").stream()
                .filter(d -> d.message().text().contains("— summary")).findFirst().orElseThrow();
        assertThat(summary.text()).contains("3 flags raised · at most 3 lost at once")
                .contains("10:00  ▮  1 raised · 1 lost at most\n").contains("10:01  ▮▮  2 raised · 3 lost at most ← peak")
                .contains("1. what is a transit gateway? — ▲1 vote");
        assertThat(summary.message().buttons()).extracting(b -> b.actionId())
                .containsExactly("livesession.recap:1", "livesession.learn-invite:1");
        assertThat(bot.chat.lastTo("#vpc").message().text()).contains("has ended: 3 flags raised, 1 question asked");
        assertThat(bot.chat.to("#vpc").stream().filter(RecordingChatPort.Sent::isUpdate))
                .allSatisfy(update -> assertThat(update.message().buttons()).isEmpty());
        assertThat(bot.sayIn("bob", "vpc", "/wait")).contains("no live session");
        assertThat(bot.press("bob", "vpc", "livesession.wait:1")).contains("has ended");
        assertThat(bot.press("carol", "vpc", "livesession.upvote:1")).contains("has ended");
    }

    @Test
    void theRecapPostsTheQuestionsOnceAndOnlyForThePresenter() {
        aliceStarts();
        bot.sayIn("dave", "vpc", "/wait what is a transit gateway?");
        bot.sayIn("alice", "vpc", "/session end");

        assertThat(bot.press("bob", null, "livesession.recap:1")).contains("Only alice");
        assertThat(bot.press("alice", null, "livesession.recap:1")).contains("Posted the recap of 1 question");
        assertThat(bot.chat.lastTo("#vpc").message().text()).contains("Recap of *VPC peering*")
                .contains("what is a transit gateway? (▲0 votes)");
        assertThat(bot.press("alice", null, "livesession.recap:1")).contains("already in the channel");

        assertThat(bot.press("alice", null, "livesession.learn-invite:1")).contains("Posted the /learn invitation");
        assertThat(bot.chat.lastTo("#vpc").message().text()).contains("/learn \"vpc peering\" <what is unclear>")
                .contains("what is a transit gateway?");
        assertThat(bot.press("alice", null, "livesession.learn-invite:1")).contains("already in the channel");
    }

    @Test
    void aSessionWithoutQuestionsOffersNoRecap() {
        aliceStarts();
        bot.sayIn("alice", "vpc", "/session end");
        RecordingChatPort.Sent summary = bot.chat.lastTo("@alice");
        assertThat(summary.text()).contains("nobody flagged").contains("none asked");
        assertThat(summary.message().buttons()).extracting(b -> b.actionId()).containsExactly("livesession.learn-invite:1");
        assertThat(bot.press("alice", null, "livesession.recap:1")).contains("nothing to recap");
    }

    @Test
    void aForgottenSessionEndsByItself() {
        aliceStarts();
        bot.advance(Duration.ofHours(12));
        assertThat(bot.chat.lastTo("#vpc").message().text()).contains("has ended");
        assertThat(bot.sayIn("alice", "vpc", "/session start \"VPC peering, day 2\"")).contains("running");
    }

    @Test
    void aRestartStartsANewKeyGenerationInsteadOfCountingSomeoneTwice() {
        // Given bob's flag is up when Guildhall restarts
        aliceStarts();
        bot.sayIn("bob", "vpc", "/wait");
        bot.sayIn("dave", "vpc", "/wait what is a transit gateway?");
        bot.restart();

        // When carol flags after the restart
        String reply = bot.sayIn("carol", "vpc", "/wait");

        // Then earlier flags are cleared (they can't be matched to anyone any more), and everyone is told
        assertThat(reply).contains("Your flag is up").contains("restarted");
        assertThat(bot.chat.count("#vpc", "Guildhall restarted during this session")).isEqualTo(1);
        assertThat(bot.chat.board("@alice")).contains("*1 lost*").contains("Guildhall restarted at 10:00");

        // And bob can flag again, counted once; his old flag is simply gone
        assertThat(bot.sayIn("bob", "vpc", "/wait ok")).contains("no flag up");
        bot.sayIn("bob", "vpc", "/wait");
        bot.sayIn("bob", "vpc", "/wait");
        assertThat(bot.chat.board("@alice")).contains("*2 lost*");
        assertThat(bot.press("carol", "vpc", "livesession.upvote:1")).contains("Counted");
        assertThat(bot.chat.count("#vpc", "Guildhall restarted during this session")).isEqualTo(1);
    }

    @Test
    void retractingFirstAfterARestartSaysTheFlagIsAlreadyDown() {
        aliceStarts();
        bot.sayIn("bob", "vpc", "/wait");
        bot.restart();
        assertThat(bot.press("bob", "vpc", "livesession.ok:1")).contains("restarted").contains("already down");
        assertThat(bot.chat.board("@alice")).contains("*0 lost*");
        assertThat(bot.sayIn("alice", "vpc", "/session end")).contains("Ended");
    }

    private long rows(String countQuery) {
        return bot.database().read(handle -> handle.createQuery(countQuery).mapTo(Long.class).one());
    }
}
