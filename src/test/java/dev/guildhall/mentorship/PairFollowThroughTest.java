package dev.guildhall.mentorship;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.guildhall.testing.BotExtension.id;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16's follow-through after a match is accepted, through the whole bot with a clock the test moves. */
class PairFollowThroughTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot();

    @BeforeEach
    void start() {
    }

    private List<Sent> dmsTo(String name) {
        return t.chat.directTo(id(name));
    }

    private List<Sent> dmsTo(String name, String containing) {
        return dmsTo(name).stream().filter(s -> s.mentions(containing)).toList();
    }

    private static String button(Sent sent, String label) {
        return sent.message().buttons().stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + sent)).actionId();
    }

    /** alice (Berlin) teaches kubernetes, bob (New York) asks for it with a goal, and alice accepts. */
    private void aliceAcceptsBob() {
        t.zone("alice", "Europe/Berlin");
        t.zone("bob", "America/New_York");
        t.say("alice", "/teach kubernetes");
        t.say("bob", "/learn kubernetes \"run a service on our cluster\"");
        t.press("alice", button(dmsTo("alice", "Can you teach").get(0), "Accept"));
    }

    private String matchStatus() {
        return t.bot().database().read(h -> h.createQuery("SELECT status FROM mentorship_match ORDER BY id LIMIT 1")
                .mapTo(String.class).one());
    }

    private String ticketStatus() {
        return t.bot().database().read(h -> h.createQuery("SELECT status FROM ticket ORDER BY id LIMIT 1")
                .mapTo(String.class).one());
    }

    private Instant due(String kind) {
        return t.bot().database().read(h -> h.createQuery(
                        "SELECT due_at FROM scheduled_task WHERE kind = :kind AND done_at IS NULL")
                .bind("kind", kind).mapTo(Instant.class).one());
    }

    @Test
    void anAcceptedMatchOpensAGroupConversationThatIntroducesThemWithTheGoalAndAFirstMeetingInBothWorkingHours() {
        // When alice accepts bob
        aliceAcceptsBob();

        // Then one group conversation of the two of them starts with the introduction
        assertThat(t.chat.groups()).singleElement().satisfies(group -> {
            assertThat(group.target()).isEqualTo("console:bob,console:alice");
            assertThat(group.message().text()).contains("bob, meet alice").contains("*kubernetes*")
                    .contains("alice, meet bob");
            assertThat(group.mentions("run a service on our cluster")).isTrue();
            // the first shared working hour a day later: Tue 3 Mar 14:00 UTC is 09:00 in New York and 15:00 in Berlin
            assertThat(group.message().fields()).anySatisfy(f -> assertThat(f.value())
                    .contains("Tue 3 Mar 09:00 EST for bob (Tue 3 Mar 15:00 CET for alice)"));
        });
    }

    @Test
    void aFewDaysLaterEachSideIsAskedWhetherTheyMetAndNotYetAsksAgainLater() {
        // Given a pair accepted just now
        aliceAcceptsBob();
        t.advance(Duration.ofDays(3).minusMinutes(1));
        assertThat(dmsTo("bob", "met about")).isEmpty();

        // When three days have passed
        t.advance(Duration.ofMinutes(1));

        // Then both are asked, with the three answers
        Sent askedBob = dmsTo("bob", "met about").get(0);
        assertThat(askedBob.message().buttons()).extracting(b -> b.label())
                .containsExactly("We met", "Not yet", "It isn't working");
        assertThat(dmsTo("alice", "met about")).hasSize(1);

        // When bob answers Not yet
        String reply = t.press("bob", button(askedBob, "Not yet"));

        // Then he is asked again four days later, not before
        assertThat(reply).contains("I'll ask again on Mon 9 Mar");
        t.advance(Duration.ofDays(4).minusMinutes(1));
        assertThat(dmsTo("bob", "met about")).hasSize(1);
        t.advance(Duration.ofMinutes(1));
        assertThat(dmsTo("bob", "met about")).hasSize(2);
        assertThat(dmsTo("alice", "met about")).hasSize(2);
    }

    @Test
    void weMetStartsWeeklyCheckInsInEachPersonsWorkingHoursWhoseAnswersOnlyThePartnerSees() {
        // Given a pair asked whether they met
        aliceAcceptsBob();
        t.advance(Duration.ofDays(3));
        String weMet = button(dmsTo("bob", "met about").get(0), "We met");
        t.chat.clear();

        // When bob says they met (Thu 5 Mar 09:00 UTC)
        String reply = t.press("bob", weMet);

        // Then alice hears it, and each one's check-in falls on a weekday morning in their own zone a week later
        assertThat(reply).contains("Great, noted");
        assertThat(dmsTo("alice", "told me you met")).hasSize(1);
        assertThat(due(PairCheckins.LEARNER_TASK)).isEqualTo(Instant.parse("2026-03-12T14:00:00Z"));
        assertThat(due(PairCheckins.TEACHER_TASK)).isEqualTo(Instant.parse("2026-03-12T09:00:00Z"));

        // When the week has passed
        t.advance(Duration.ofDays(8));

        // Then each was asked once, and bob's answer goes to alice and nobody else
        Sent bobsQuestion = dmsTo("bob", "Weekly check-in").get(0);
        assertThat(dmsTo("alice", "Weekly check-in")).hasSize(1);
        assertThat(bobsQuestion.message().context()).isEqualTo("Only alice sees your answer.");
        assertThat(bobsQuestion.message().buttons()).extracting(b -> b.label())
                .containsExactly("👍 Going well", "🧱 Something's blocking", "Send to alice");
        t.chat.clear();
        assertThat(t.press("bob", button(bobsQuestion, "🧱 Something's blocking")))
                .contains("passed on to alice, and to nobody else");
        assertThat(t.chat.sent()).singleElement().satisfies(s -> {
            assertThat(s.target()).isEqualTo(id("alice").value());
            assertThat(s.message().text()).contains("bob's check-in on *kubernetes*: 🧱 something is blocking");
        });
        assertThat(t.count("outbox WHERE payload LIKE '%something is blocking%' AND recipient <> 'console:alice'"))
                .as("the answer is written nowhere but alice's message").isZero();
    }

    @Test
    void aCheckInNoteIsOneLineOfPlainTextLikeThanksAndABadOneReachesNobody() {
        // Given bob is asked for his weekly check-in
        aliceAcceptsBob();
        t.advance(Duration.ofDays(3));
        t.press("bob", button(dmsTo("bob", "met about").get(0), "We met"));
        t.advance(Duration.ofDays(8));
        String note = button(dmsTo("bob", "Weekly check-in").get(0), "Send to alice");
        t.chat.clear();

        // When he sends a note far too long, or one with control characters in it
        String tooLong = t.press("bob", null, note, "x".repeat(Understanding.MAX_THANKS_LENGTH + 1));
        String control = t.press("bob", null, note, "fine\u0007 really\u001b[2J");

        // Then each is refused with what to type instead, and nothing reaches alice
        assertThat(tooLong).contains("one line of up to 300 characters (that was 301)");
        assertThat(control).contains("as plain text");
        assertThat(t.chat.sent()).isEmpty();

        // And a plain line still goes through
        assertThat(t.press("bob", null, note, "  the first demo ran  ")).contains("passed on to alice");
        assertThat(t.chat.sent()).singleElement().satisfies(s ->
                assertThat(s.message().text()).contains("“the first demo ran”"));
    }

    @Test
    void theTeacherCanPauseTheCheckInsAndResumeThemTheLearnerCannot() {
        // Given a pair that met, a week into check-ins
        aliceAcceptsBob();
        t.advance(Duration.ofDays(3));
        t.press("alice", button(dmsTo("alice", "met about").get(0), "We met"));
        t.advance(Duration.ofDays(8));
        Sent alicesQuestion = dmsTo("alice", "Weekly check-in").get(0);
        String pause = button(alicesQuestion, "⏸ Pause check-ins");

        // When bob presses alice's pause button, nothing changes
        assertThat(t.press("bob", pause)).contains("Only alice, who teaches, can pause");

        // When alice pauses
        String paused = t.press("alice", pause);

        // Then bob is told, and weeks pass without a question
        assertThat(paused).contains("paused").contains("[▶️ Resume check-ins] mentorship.checkin-resume:1");
        assertThat(dmsTo("bob", "paused the weekly check-ins")).hasSize(1);
        int asked = dmsTo("bob", "Weekly check-in").size();
        t.advance(Duration.ofDays(21));
        assertThat(dmsTo("bob", "Weekly check-in")).hasSize(asked);

        // When she resumes, they come back
        assertThat(t.press("alice", "mentorship.checkin-resume:1")).contains("back on");
        t.advance(Duration.ofDays(8));
        assertThat(dmsTo("bob", "Weekly check-in")).hasSize(asked + 1);
    }

    @Test
    void itIsntWorkingReleasesThePairKindlyAndRequeuesTheLearnerWithoutSayingWhoOrWhy() {
        // Given carol teaches kubernetes too, but alice was picked for bob
        t.zone("carol", "Asia/Tokyo");
        t.say("carol", "/teach kubernetes");
        aliceAcceptsBob();
        t.advance(Duration.ofDays(3));
        t.chat.clear();

        // When bob says it isn't working
        String reply = t.press("bob", "mentorship.not-working:1");

        // Then the pair is released, alice is told kindly without who or why, and bob is proposed to carol
        assertThat(reply).contains("released the pair kindly").contains("won't be paired with alice");
        assertThat(matchStatus()).isEqualTo("RELEASED");
        assertThat(dmsTo("alice")).singleElement().satisfies(s -> assertThat(s.message().text())
                .contains("has been released").contains("no reason is shared").doesNotContain("bob said"));
        assertThat(dmsTo("carol", "Can you teach")).hasSize(1);
        assertThat(ticketStatus()).isEqualTo("PROPOSED");

        // and nothing more is asked of the old pair
        t.advance(Duration.ofDays(30));
        assertThat(dmsTo("alice", "met about")).isEmpty();
        assertThat(dmsTo("alice", "Weekly check-in")).isEmpty();
    }

    @Test
    void aPairNobodyConfirmsWithinTwoWeeksIsClosedAsStaleAndBothAreTold() {
        // Given a pair that never answers
        aliceAcceptsBob();

        // When two weeks pass
        t.advance(Duration.ofDays(14));

        // Then the match and the ticket are closed, and both are told
        assertThat(matchStatus()).isEqualTo("RELEASED");
        assertThat(ticketStatus()).isEqualTo("RELEASED");
        assertThat(dmsTo("bob", "closed it as stale")).singleElement()
                .satisfies(s -> assertThat(s.message().text()).contains("/learn kubernetes starts afresh"));
        assertThat(dmsTo("alice", "closed it as stale")).singleElement()
                .satisfies(s -> assertThat(s.message().text()).contains("Your place is free"));
        assertThat(t.say("alice", "/teach list")).contains("0 of 2 places taken");
        // and a late answer changes nothing
        assertThat(t.press("bob", "mentorship.met:1")).contains("has ended");
    }

    @Test
    void aFirstTimeMentorGetsThePlaybookOverTheFirstWeeksAndCanSkipTheRest() {
        // When alice accepts her first learner
        aliceAcceptsBob();

        // Then the first step is the agenda, before the first meeting
        assertThat(dmsTo("alice", "first time as a mentor")).singleElement().satisfies(s -> {
            assertThat(s.message().fields()).extracting(f -> f.label()).containsExactly("An agenda");
            assertThat(s.message().buttons()).extracting(b -> b.label())
                    .containsExactly("🙋 Ask an experienced mentor", "Skip the rest");
        });

        // When they say they met, the second step (checking understanding) follows at once
        t.advance(Duration.ofDays(3));
        t.press("bob", "mentorship.met:1");
        assertThat(dmsTo("alice", "After your first meeting")).hasSize(1);

        // and in week three, the hand-over to self-study
        t.advance(Duration.ofDays(11).minusMinutes(1));
        assertThat(dmsTo("alice", "Week three")).isEmpty();
        t.advance(Duration.ofMinutes(1));
        assertThat(dmsTo("alice", "Week three")).singleElement()
                .satisfies(s -> assertThat(s.message().buttons()).extracting(b -> b.label())
                        .containsExactly("🙋 Ask an experienced mentor"));
    }

    @Test
    void skippingThePlaybookStopsItAndAnExperiencedTeacherGetsNoPlaybook() {
        // Given alice's first pair, with the playbook's first step
        aliceAcceptsBob();

        // When bob presses her skip button, nothing changes; when she does, no more steps come
        assertThat(t.press("bob", "mentorship.playbook-skip:1")).contains("This button is for alice");
        assertThat(t.press("alice", "mentorship.playbook-skip:1")).contains("Skipped");
        t.advance(Duration.ofDays(21));
        assertThat(dmsTo("alice", "🧭")).hasSize(1);

        // When alice takes a second learner, no playbook at all
        t.chat.clear();
        t.say("carol", "/learn kubernetes");
        t.press("alice", button(dmsTo("alice", "Can you teach").get(0), "Accept"));
        assertThat(dmsTo("alice", "🧭")).isEmpty();
        assertThat(t.chat.groups()).hasSize(1);
    }

    @Test
    void aFirstTimeMentorAsksAnExperiencedMentorWhoOptedInForAdviceWithOneButton() {
        // Given dave taught kubernetes to erin before and offered to advise first-time mentors
        t.say("dave", "/teach kubernetes --capacity 1");
        t.say("erin", "/learn kubernetes");
        t.press("dave", "mentorship.accept:1");
        t.say("erin", "/learn done 1");
        t.press("erin", "mentorship.understood:1");
        assertThat(t.say("dave", "/teach kubernetes --mentor-the-mentors"))
                .contains("First-time mentors of *kubernetes* may ask you for advice");
        // and alice mentors for the first time
        aliceAcceptsBob();
        t.chat.clear();

        // When alice asks for advice from her playbook
        String reply = t.press("alice", "mentorship.ask-adviser:2");

        // Then dave is asked to get in touch with her
        assertThat(reply).contains("I've asked dave");
        assertThat(dmsTo("dave")).singleElement().satisfies(s -> assertThat(s.message().text())
                .contains("alice is mentoring *kubernetes* for the first time"));
    }

    @Test
    void askingForAdviceWhenNobodyOfferedItSaysSoAndSendsNothing() {
        aliceAcceptsBob();
        t.chat.clear();

        String reply = t.press("alice", "mentorship.ask-adviser:1");

        assertThat(reply).contains("No experienced mentor of *kubernetes* has offered advice yet")
                .contains("--mentor-the-mentors");
        assertThat(t.chat.sent()).isEmpty();
    }

    @Test
    void aBoardTakeStartsTheSameFollowThrough() {
        // Given bob waits for a teacher nobody offers
        t.say("bob", "/learn rust");

        // When alice takes his ticket from the board
        t.press("alice", "mentorship.take:1");

        // Then they are introduced, and asked three days later whether they met
        assertThat(t.chat.groups()).singleElement().satisfies(g -> assertThat(g.message().text())
                .contains("bob, meet alice"));
        t.advance(Duration.ofDays(3));
        assertThat(dmsTo("bob", "met about")).hasSize(1);
    }

    @Test
    void theFollowUpsSurviveARestart() {
        aliceAcceptsBob();
        t.restart();

        t.advance(Duration.ofDays(3));

        assertThat(dmsTo("bob", "met about")).hasSize(1);
    }

    @Test
    void forgettingAPersonEndsTheirPairsFollowUps() {
        // Given a pair that met and has weekly check-ins
        aliceAcceptsBob();
        t.advance(Duration.ofDays(3));
        t.press("bob", "mentorship.met:1");

        // When alice is forgotten
        t.say("alice", "/guildhall forget-me");
        t.press("alice", "guildhall-forget:me");
        t.chat.clear();

        // Then bob gets no more check-ins or questions about that pair
        t.advance(Duration.ofDays(30));
        assertThat(dmsTo("bob", "Weekly check-in")).isEmpty();
        assertThat(dmsTo("bob", "met about")).isEmpty();
        assertThat(t.count("scheduled_task WHERE kind LIKE 'mentorship.%' AND done_at IS NULL")).isZero();
    }
}
