package dev.guildhall.mentorship;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16's follow-through, through {@code console --script --json} across weeks of {@code !advance}. */
class FollowThroughConsoleAcceptanceTest {
    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path dir;

    private static List<String> textsTo(List<JsonNode> lines, String person) {
        return lines.stream().filter(l -> person.equals(l.path("to").asText(null)))
                .map(l -> l.path("text").asText()).toList();
    }

    private static long countTo(List<JsonNode> lines, String person, String containing) {
        return textsTo(lines, person).stream().filter(text -> text.contains(containing)).count();
    }

    private static List<String> buttons(JsonNode line) {
        return StreamSupport.stream(line.path("buttons").spliterator(), false).map(b -> b.get("id").asText()).toList();
    }

    @Test
    void aPairIsIntroducedAskedWhetherTheyMetCheckedInOnWeeklyAndTheFirstTimeMentorGuided() throws Exception {
        List<JsonNode> out = ConsoleRunner.run(dir, AdjustableClock.fixedAt(MONDAY),
                "@alice !tz Europe/Berlin",
                "@bob !tz America/New_York",
                "@alice /teach kubernetes",
                "@bob /learn kubernetes \"run a service on our cluster\"",
                "@alice !press mentorship.accept:1",
                "!advance 3d",
                "@bob !press mentorship.not-yet:1",
                "!advance 4d",
                "@alice !press mentorship.met:1",
                "!advance 8d",
                "@bob !press mentorship.checkin-ok:1",
                "@alice !press mentorship.checkin-pause:1",
                "!advance 21d");

        // The introduction is printed once, to both, with the goal and a first meeting in both working hours
        JsonNode introduction = out.stream().filter(l -> l.has("group")).findFirst().orElseThrow();
        assertThat(introduction.get("group").toString()).isEqualTo("[\"bob\",\"alice\"]");
        assertThat(introduction.get("text").asText()).contains("bob, meet alice, your *kubernetes* teacher");
        assertThat(introduction.get("fields").toString()).contains("run a service on our cluster")
                .contains("How about 45 minutes on Tue 8 Dec 09:00 EST for bob (Tue 8 Dec 15:00 CET for alice)");
        // alice, mentoring for the first time, gets the agenda first
        assertThat(countTo(out, "alice", "Your first time as a mentor — before your first meeting")).isEqualTo(1);

        // Three days in, both are asked; bob's Not yet brings the question back four days later
        JsonNode question = out.stream().filter(l -> "bob".equals(l.path("to").asText(null))
                && l.path("text").asText().contains("met about")).findFirst().orElseThrow();
        assertThat(buttons(question)).containsExactly("mentorship.met:1", "mentorship.not-yet:1",
                "mentorship.not-working:1");
        assertThat(countTo(out, "bob", "Have you and")).isEqualTo(2);
        assertThat(countTo(out, "alice", "Have you and")).isEqualTo(2);

        // alice says they met: bob hears it, and her playbook's second step comes at once, the third in week three
        assertThat(countTo(out, "bob", "alice told me you met")).isEqualTo(1);
        assertThat(countTo(out, "alice", "After your first meeting: checking understanding")).isEqualTo(1);
        assertThat(countTo(out, "alice", "Week three: handing over to self-study")).isEqualTo(1);

        // A week later each is asked how it's going; bob's answer reaches alice
        assertThat(countTo(out, "alice", "bob's check-in on *kubernetes*: 👍 going well.")).isEqualTo(1);

        // alice paused the check-ins: bob is told, and three more weeks bring no more questions
        assertThat(countTo(out, "bob", "alice paused the weekly check-ins")).isEqualTo(1);
        assertThat(countTo(out, "bob", "Weekly check-in")).isEqualTo(1);
        assertThat(countTo(out, "alice", "Weekly check-in")).isEqualTo(1);
    }

    @Test
    void itIsntWorkingReleasesThePairAndRequeuesTheLearnerAndAnUnconfirmedPairIsClosedAfterTwoWeeks()
            throws Exception {
        List<JsonNode> out = ConsoleRunner.run(dir, AdjustableClock.fixedAt(MONDAY),
                "@alice /teach kubernetes",
                "@carol /teach rust",
                "@bob /learn kubernetes",
                "@alice !press mentorship.accept:1",
                "@dave /learn rust",
                "@carol !press mentorship.accept:2",
                "!advance 3d",
                "@bob !press mentorship.not-working:1",
                "!advance 11d",
                "@bob /learn list");

        // bob's pair is released: alice is told only that it ended, and bob is back in the queue
        assertThat(textsTo(out, "alice")).anySatisfy(text -> assertThat(text)
                .contains("Your *kubernetes* pair with bob has been released").contains("no reason is shared"));
        assertThat(textsTo(out, "bob")).anySatisfy(text -> assertThat(text)
                .contains("I've released the pair kindly"));
        // alice has room but is not proposed again, and bob hears why (mentor-a: a learner never waits unexplained)
        assertThat(textsTo(out, "bob")).anySatisfy(text -> assertThat(text)
                .contains("Nobody can take your *kubernetes* ticket #1 right now")
                .contains("your earlier kubernetes pair with alice was released")
                .doesNotContain("taught you"));

        // carol and dave never confirmed meeting: after two weeks both are told it was closed as stale
        assertThat(countTo(out, "dave", "closed it as stale")).isEqualTo(1);
        assertThat(countTo(out, "carol", "closed it as stale")).isEqualTo(1);
    }

    @Test
    void aFirstTimeMentorAsksAnExperiencedMentorWhoOptedInForAdvice() throws Exception {
        List<JsonNode> out = ConsoleRunner.run(dir, AdjustableClock.fixedAt(MONDAY),
                "@dave /teach kubernetes --capacity 1",
                "@erin /learn kubernetes",
                "@dave !press mentorship.accept:1",
                "@erin /learn done 1",
                "@erin !press mentorship.understood:1",
                "@dave /teach kubernetes --mentor-the-mentors",
                "@alice /teach kubernetes",
                "@bob /learn kubernetes",
                "@alice !press mentorship.accept:2",
                "@alice !press mentorship.ask-adviser:2");

        JsonNode playbook = out.stream().filter(l -> "alice".equals(l.path("to").asText(null))
                && l.path("text").asText().contains("first time as a mentor")).findFirst().orElseThrow();
        assertThat(buttons(playbook)).containsExactly("mentorship.ask-adviser:2", "mentorship.playbook-skip:2");
        assertThat(textsTo(out, "dave")).anySatisfy(text -> assertThat(text)
                .contains("alice is mentoring *kubernetes* for the first time"));
        assertThat(textsTo(out, "alice")).anySatisfy(text -> assertThat(text).contains("I've asked dave"));
    }
}
