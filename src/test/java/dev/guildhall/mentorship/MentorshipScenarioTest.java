package dev.guildhall.mentorship;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static dev.guildhall.testing.BotExtension.id;
import static org.assertj.core.api.Assertions.assertThat;

/** Mentorship through the whole bot: real SQLite file, real outbox and tasks, a recording chat. */
class MentorshipScenarioTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot();

    @BeforeEach
    void start() {
    }

    private String buttonOf(Sent sent, String label) {
        return sent.message().buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow().actionId();
    }

    private Sent lastDirectTo(String name) {
        List<Sent> sent = t.chat.directTo(id(name));
        assertThat(sent).as("DMs to " + name).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    @Test
    void aLearnerIsProposedToATeacherAndBothAreToldWhenTheTeacherAccepts() {
        // Given
        t.say("alice", "/teach kubernetes");
        // When
        String reply = t.say("bob", "/learn k8s get a service running");
        // Then
        assertThat(reply).contains("Ticket #1").contains("kubernetes");
        Sent proposal = lastDirectTo("alice");
        assertThat(proposal.message().text()).contains("kubernetes").contains("bob");
        assertThat(proposal.message().buttons()).extracting(b -> b.label()).containsExactly("Accept", "Decline");
        assertThat(proposal.mentions("get a service running")).isTrue();
        assertThat(lastDirectTo("bob").message().text()).contains("kubernetes").contains("alice");

        // When
        t.chat.clear();
        t.press("alice", buttonOf(proposal, "Accept"));
        // Then
        assertThat(t.chat.updates()).singleElement().satisfies(u -> {
            assertThat(u.ref()).isEqualTo(proposal.ref());
            assertThat(u.message().text()).contains("match is on");
            assertThat(u.message().buttons()).isEmpty();
        });
        assertThat(t.chat.directTo(id("bob"))).singleElement()
                .satisfies(s -> assertThat(s.message().text()).contains("match is on"));
        assertThat(t.chat.directTo(id("alice"))).singleElement()
                .satisfies(s -> assertThat(s.message().text()).contains("first time as a mentor"));
    }

    @Test
    void theFirstTimePlaybookIsSentOnlyOnce() {
        t.say("alice", "/teach go --capacity 3");
        t.say("bob", "/learn go");
        t.press("alice", buttonOf(lastDirectTo("alice"), "Accept"));
        t.chat.clear();
        t.say("carol", "/learn go");
        t.press("alice", buttonOf(lastDirectTo("alice"), "Accept"));
        assertThat(t.chat.directTo(id("alice"))).noneMatch(s -> s.message().text().contains("first time as a mentor"));
    }

    @Test
    void aButtonKeepsWorkingAfterARestart() {
        t.say("alice", "/teach kubernetes");
        t.say("bob", "/learn kubernetes");
        String accept = buttonOf(lastDirectTo("alice"), "Accept");
        // When the process restarts on the same database
        t.restart();
        t.press("alice", accept);
        // Then
        assertThat(lastDirectTo("bob").message().text()).contains("match is on");
        assertThat(t.chat.updates()).singleElement()
                .satisfies(u -> assertThat(u.message().text()).contains("match is on"));
    }

    @Test
    void restartKeepsTeachersTicketsAndMatches() {
        t.say("alice", "/teach kubernetes");
        t.say("bob", "/learn kubernetes");
        t.say("carol", "/learn rust");
        t.restart();
        assertThat(t.say("alice", "/teach list")).contains("kubernetes").contains("1 of 2");
        assertThat(t.say("bob", "/learn list")).contains("#1 kubernetes").contains("waiting for alice");
        assertThat(t.say("carol", "/learn list")).contains("#2 rust").contains("waiting for a teacher");
    }

    @Test
    void aDeclineMovesOnToTheNextTeacherAndTellsTheLearner() {
        t.say("alice", "/teach kafka");
        t.say("dave", "/teach kafka");
        t.say("bob", "/learn kafka");
        Sent toAlice = lastDirectTo("alice");
        assertThat(toAlice.message().text()).contains("Can you teach");
        t.chat.clear();
        t.press("alice", buttonOf(toAlice, "Decline"));
        assertThat(lastDirectTo("dave").message().text()).contains("Can you teach *kafka* to bob");
        assertThat(lastDirectTo("bob").message().text()).contains("alice can't take").contains("dave");
    }

    @Test
    void whenNobodyIsLeftTheLearnerHearsTheyWillBeToldLater() {
        t.say("alice", "/teach kafka");
        t.say("bob", "/learn kafka");
        t.press("alice", buttonOf(lastDirectTo("alice"), "Decline"));
        assertThat(lastDirectTo("bob").message().text()).contains("alice can't take")
                .contains("You'll hear from me as soon as someone can");
    }

    @Test
    void noAnswerWithinTheDeadlineMovesOnToTheNextTeacher() {
        t.say("alice", "/teach kafka");
        t.say("bob", "/learn kafka");
        t.say("dave", "/teach kafka");
        t.chat.clear();
        // When almost three days pass, nothing happens
        t.advance(Duration.ofDays(3).minusMinutes(1));
        assertThat(t.chat.sent()).isEmpty();
        // When the deadline passes
        t.advance(Duration.ofMinutes(2));
        // Then
        assertThat(t.chat.updates()).singleElement().satisfies(u -> assertThat(u.message().text()).contains("expired"));
        assertThat(lastDirectTo("dave").message().text()).contains("Can you teach *kafka* to bob");
        assertThat(lastDirectTo("bob").message().text()).contains("didn't answer in time");
    }

    @Test
    void aLateAnswerToAnExpiredProposalIsRefusedClearly() {
        t.say("alice", "/teach kafka");
        t.say("bob", "/learn kafka");
        String accept = buttonOf(lastDirectTo("alice"), "Accept");
        t.advance(Duration.ofDays(4));
        assertThat(t.press("alice", accept)).contains("expired");
    }

    @Test
    void aNewTeacherGetsTheWaitingLearnersOldestFirstUpToCapacity() {
        t.say("bob", "/learn rust");
        t.advance(Duration.ofMinutes(1));
        t.say("carol", "/learn rust");
        t.advance(Duration.ofMinutes(1));
        t.say("erin", "/learn rust");
        t.chat.clear();
        String reply = t.say("alice", "/teach rust");
        assertThat(reply).contains("2 people were already waiting");
        assertThat(t.chat.directTo(id("alice"))).extracting(s -> s.message().text())
                .containsExactly("📚 Can you teach *rust* to bob?", "📚 Can you teach *rust* to carol?");
        assertThat(t.say("erin", "/learn list")).contains("waiting for a teacher");
    }

    @Test
    void theBoardShowsDemandAndSomeoneCanTakeATicket() {
        t.say("bob", "/learn kafka streams");
        t.say("carol", "/learn kafka");
        t.say("erin", "/learn rust");
        String board = t.say("dave", "/learn board");
        assertThat(board).contains("*kafka* — 2 people want").contains("*rust* — 1 person wants").contains("Take #1");
        t.chat.clear();
        assertThat(t.press("dave", "mentorship.take:1")).contains("You took ticket #1")
                .contains("You now teach *kafka* too").contains("1 person was already waiting");
        assertThat(lastDirectTo("bob").message().text()).contains("dave took your *kafka* ticket");
        assertThat(t.press("carol", "mentorship.take:1")).contains("already");
        assertThat(t.press("carol", "mentorship.take:2")).contains("your own ticket");
        assertThat(t.say("dave", "/learn board kafka")).contains("Nobody is waiting to learn *kafka*");
    }

    @Test
    void doneAsksTheLearnerToTeachAndTheirOfferRemembersWhereTheyLearned() {
        t.say("alice", "/teach kubernetes");
        t.say("bob", "/learn kubernetes");
        t.press("alice", buttonOf(lastDirectTo("alice"), "Accept"));
        t.chat.clear();
        assertThat(t.say("bob", "/learn done 1")).contains("do you understand *kubernetes* now");
        assertThat(t.count("ticket WHERE status = 'DONE'")).as("not closed before the learner says so").isZero();
        String reply = t.press("bob", "mentorship.understood:1");
        assertThat(reply).contains("is done").contains("[I'll teach kubernetes] mentorship.graduate:1");
        assertThat(lastDirectTo("alice").message().text()).contains("Thank you for teaching");
        assertThat(t.press("bob", "mentorship.graduate:1")).contains("You now teach *kubernetes*");
        Long learnedFrom = t.bot().database().read(h -> h.createQuery(
                "SELECT learned_ticket_id FROM teaching_offer WHERE teacher_id = 'console:bob'").mapTo(Long.class).one());
        assertThat(learnedFrom).isEqualTo(1L);
        assertThat(t.press("bob", "mentorship.graduate:1")).contains("already teach");
    }

    @Test
    void aPairThatAlreadyRanIsNotProposedAgain() {
        t.say("alice", "/teach kubernetes");
        t.say("bob", "/learn kubernetes");
        t.press("alice", buttonOf(lastDirectTo("alice"), "Accept"));
        t.say("bob", "/learn done 1");
        t.press("bob", "mentorship.understood:1");
        t.say("bob", "/learn kubernetes operators");
        assertThat(t.say("bob", "/learn list")).contains("waiting for a teacher");
    }

    @Test
    void pausedTeachersGetNoLearnersUntilTheyResume() {
        t.say("alice", "/teach kubernetes");
        assertThat(t.say("alice", "/teach pause")).contains("Paused");
        t.say("bob", "/learn kubernetes");
        assertThat(t.chat.directTo(id("alice"))).isEmpty();
        assertThat(t.say("alice", "/teach resume")).contains("1 person was already waiting");
        assertThat(lastDirectTo("alice").message().text()).contains("Can you teach *kubernetes* to bob");
    }

    @Test
    void cancellingAProposedTicketWithdrawsTheProposal() {
        t.say("alice", "/teach kubernetes");
        t.say("bob", "/learn kubernetes");
        String accept = buttonOf(lastDirectTo("alice"), "Accept");
        assertThat(t.say("bob", "/learn cancel 1")).contains("Cancelled ticket #1");
        assertThat(t.chat.updates()).singleElement().satisfies(u -> assertThat(u.message().text()).contains("cancelled"));
        assertThat(t.press("alice", accept)).contains("cancelled");
        assertThat(t.say("carol", "/learn cancel 1")).contains("isn't yours");
    }

    @Test
    void onlyTheProposedTeacherCanAnswer() {
        t.say("alice", "/teach kubernetes");
        t.say("bob", "/learn kubernetes");
        assertThat(t.press("mallory", buttonOf(lastDirectTo("alice"), "Accept"))).contains("Only alice can answer");
        assertThat(t.say("bob", "/learn list")).contains("waiting for alice");
    }

    @Test
    void capacityCanBeChangedAndIsRespected() {
        t.say("alice", "/teach kubernetes --capacity 1");
        t.say("bob", "/learn kubernetes");
        t.say("carol", "/learn kubernetes");
        assertThat(t.say("carol", "/learn list")).contains("waiting for a teacher");
        assertThat(t.say("alice", "/teach kubernetes --capacity=2")).contains("up to 2 learners")
                .contains("1 person was already waiting");
        assertThat(t.say("alice", "/teach list")).contains("2 of 2");
        assertThat(t.say("carol", "/learn list")).contains("waiting for alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/learn",
            "/learn    ",
            "/teach --capacity -3 x",
            "/teach kubernetes --capacity 0",
            "/teach kubernetes --capacity lots",
            "/teach kubernetes --colour blue",
            "/learn dnoe 12",
            "/teach stpo kubernetes",
            "/learn cancel",
            "/learn cancel twelve",
            "/learn done 99",
            "/teach stop rust",
            "/teach pause",
            "/teach machine learning",
            "/learn \"unclosed",
            "/learn 🚀🚀🚀",
            "/learn \u0007\u0008",
            "/frobnicate now"})
    void badInputGetsAClearMessageAndChangesNothing(String line) {
        // Given
        t.say("alice", "/teach go");
        long tickets = t.count("ticket");
        long offers = t.count("teaching_offer");
        long outbox = t.count("outbox");
        // When
        String reply = t.say("zoe", line);
        // Then
        assertThat(reply).isNotBlank().doesNotContain("Exception").doesNotContain("went wrong");
        assertThat(t.count("ticket")).isEqualTo(tickets);
        assertThat(t.count("teaching_offer")).isEqualTo(offers);
        assertThat(t.count("outbox")).isEqualTo(outbox);
        assertThat(t.count("person")).as("zoe's bad input is not even remembered").isEqualTo(1);
    }

    @Test
    void aTenThousandCharacterTopicIsRefused() {
        assertThat(t.say("zoe", "/learn " + "x".repeat(10_000))).contains("too long");
        assertThat(t.say("zoe", "/learn " + "x".repeat(60))).contains("at most 50");
        assertThat(t.count("ticket")).isZero();
    }

    @Test
    void aSecondTicketForTheSameTopicIsRefused() {
        t.say("bob", "/learn kubernetes");
        assertThat(t.say("bob", "/learn K8S")).contains("already have ticket #1");
        assertThat(t.count("ticket")).isEqualTo(1);
    }

    @Test
    void everyCommandAnswersHelp() {
        assertThat(t.say("zoe", "/learn help")).contains("/learn board").contains("/learn done");
        assertThat(t.say("zoe", "/teach help")).contains("--capacity").contains("/teach pause");
    }

    @Test
    void workingHoursOverlapDecidesBetweenTeachers() {
        t.zone("alice", "Asia/Tokyo");
        t.zone("dave", "Europe/Paris");
        t.zone("bob", "Europe/Berlin");
        t.say("alice", "/teach go");
        t.say("dave", "/teach go");
        t.say("bob", "/learn go");
        assertThat(t.chat.directTo(id("dave"))).singleElement()
                .satisfies(s -> assertThat(s.mentions("overlap by 8 h")).isTrue());
        assertThat(t.chat.directTo(id("alice"))).isEmpty();
    }
}
