package dev.guildhall.mentorship;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.guildhall.testing.ConsoleRunner.everything;
import static dev.guildhall.testing.ConsoleRunner.run;
import static dev.guildhall.testing.ConsoleRunner.seenBy;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16's follow-through (this branch's part), over simulated weeks through the real console. */
class MentorshipFollowThroughAcceptanceTest {
    private static AdjustableClock start() {
        return AdjustableClock.fixedAt(BotExtension.START);
    }

    @TempDir
    Path dir;

    @Test
    void notYetKeepsThePairGoingAndTheTicketClosesOnlyWhenTheLearnerUnderstands() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@alice /teach kubernetes",
                "@bob /learn kubernetes",
                "@alice !press mentorship.accept:1",
                "!advance 7d",
                "@alice /learn done 1",
                "@bob !press mentorship.again:1",
                "@bob /learn list",
                "!advance 7d",
                "@bob /learn done 1",
                "@bob !press mentorship.understood:1",
                "@bob /learn list");
        // A teacher's done asks the learner; "not yet" keeps the pair, and alice hears it
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).startsWith("I've asked bob whether they understand"));
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).startsWith("🤔 Before I close ticket #1")
                .contains("[Yes, I understand it] mentorship.understood:1")
                .contains("[Not yet — go through it again with alice] mentorship.again:1")
                .contains("[Not yet — find me a second teacher] mentorship.second-teacher:1")
                .contains("alice thinks you're done."));
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).startsWith("🔁 bob doesn't understand *kubernetes*"
                + " yet"));
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).contains("#1 kubernetes: learning with alice"));
        // Understood a week later: now it is done
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).startsWith("🎓 Ticket #1 (*kubernetes*) is done"));
        assertThat(seenBy(out, "bob").get(seenBy(out, "bob").size() - 1)).contains("You have no open tickets");
    }

    @Test
    void notYetCanFindASecondTeacherAndTheFirstIsNotProposedAgain() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@alice /teach kafka",
                "@bob /learn kafka",
                "@alice !press mentorship.accept:1",
                "@dave /teach kafka",
                "!advance 3d",
                "@bob !press mentorship.met:1",
                "!advance 11d",
                "@bob /learn done 1",
                "@bob !press mentorship.second-teacher:1",
                "@bob /learn list");
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).contains("will go through *kafka* again with a"
                + " second teacher"));
        assertThat(seenBy(out, "dave")).anySatisfy(m -> assertThat(m).startsWith("📚 Can you teach *kafka* to bob?"));
        assertThat(seenBy(out, "bob").get(seenBy(out, "bob").size() - 1)).contains("#1 kafka: waiting for dave to answer");
    }

    @Test
    void theLearnerThanksInOneLineOnlyTheTeacherSeesItAndTeachersSeeTheirLineage() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@alice /teach go",
                "@bob /learn go",
                "@alice !press mentorship.accept:1",
                "!advance 10d",
                "@bob /learn done 1",
                "@bob !press mentorship.understood:1",
                "@bob /learn thanks 1 the pairing on channels made it click",
                "@bob /learn thanks 1 again",
                "@bob !press mentorship.graduate:1",
                "@carol /learn go",
                "@bob !press mentorship.accept:2",
                "@carol /learn done 2",
                "@carol !press mentorship.understood:2",
                "@alice /teach list",
                "@bob /teach list");
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).startsWith("💌 Leave alice one line of thanks?")
                .contains("/learn thanks 1 <your line>"));
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).startsWith("💌 bob left you a line of thanks")
                .contains("They wrote: the pairing on channels made it click"));
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).contains("You already thanked alice"));
        assertThat(everything(out).stream().filter(m -> m.contains("the pairing on channels made it click")))
                .as("only alice ever sees the line: in her DM and her /teach list").hasSize(2)
                .allSatisfy(m -> assertThat(seenBy(out, "alice")).contains(m));
        // alice taught bob, who now teaches go; bob taught carol, who doesn't (yet)
        assertThat(seenBy(out, "alice").get(seenBy(out, "alice").size() - 1))
                .contains("Your lineage: You've taught 1 person; 1 of them now teach what they learned from you.")
                .contains("“the pairing on channels made it click” — bob, go");
        assertThat(seenBy(out, "bob").get(seenBy(out, "bob").size() - 1))
                .contains("Your lineage: You've taught 1 person; 0 of them now teach");
    }

    @Test
    void teachersWhoAgreedAreOnTheTeachingBoardAndALearnerCanAskOneOfThem() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@alice /teach rust",
                "@alice !press mentorship.listing:yes",
                "@dave /teach rust",
                "@dave !press mentorship.listing:no",
                "@erin /teach go",
                "@bob /teach board",
                "@bob !press mentorship.ask:1",
                "@alice !press mentorship.decline:1",
                "@bob /learn cancel 1",
                "@bob !press mentorship.ask:1",
                "@alice /teach stop rust",
                "@alice /teach rust",
                "@carol /teach board rust");
        // Asked once, at the first /teach; not listed until they say yes
        assertThat(seenBy(out, "alice").stream().filter(m -> m.startsWith("📇 May I list you on /teach board"))).hasSize(1);
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).startsWith("*rust*").contains("alice: 2 places free")
                .contains("[Ask alice] mentorship.ask:1").doesNotContain("dave"));
        assertThat(seenBy(out, "bob")).noneSatisfy(m -> assertThat(m).contains("erin"));
        // bob asks alice: she gets the usual Accept / Decline, and says no; asking again is refused
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).startsWith("📚 Can you teach *rust* to bob?")
                .contains("mentorship.accept:1").contains("mentorship.decline:1"));
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).startsWith("You asked alice directly."));
        assertThat(seenBy(out, "dave")).as("not listed, still a teacher: the usual matching goes on")
                .anySatisfy(m -> assertThat(m).startsWith("📚 Can you teach *rust* to bob?"));
        assertThat(seenBy(out, "bob").get(seenBy(out, "bob").size() - 1)).contains("alice can't be asked about *rust* right now");
        assertThat(seenBy(out, "carol").get(seenBy(out, "carol").size() - 1)).contains("[Ask alice] mentorship.ask:1");
    }
}
