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

/** Issue 16's defects, each from its reproduction, through the real console ({@code --script --json}). */
class MentorshipDefectsAcceptanceTest {
    private static AdjustableClock start() {
        return AdjustableClock.fixedAt(BotExtension.START);
    }

    @TempDir
    Path dir;

    @Test
    void defect1_aSilentTeacherIsPausedToldAndGetsTheLearnerBackWhenSheResumesWithOneClick() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@alice /teach kubernetes",
                "@bob /learn kubernetes",
                "!advance 3d1h",
                "@alice /teach list",
                "@bob /learn list",
                "@alice !press mentorship.resume:1");

        // Then alice is told she is paused, with a one-click resume, and bob is told why he waits and for whom
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).startsWith("⏸ You didn't answer in time")
                .contains("until Thu 12 Mar").contains("[Resume teaching] mentorship.resume:1"));
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).contains("What you teach (paused: /teach resume)"));
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).startsWith("alice didn't answer in time")
                .contains("alice has paused teaching until Thu 12 Mar")
                .contains("you'll be proposed to them again when they're back"));
        // And when she resumes, bob is proposed to her again at once
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).startsWith("▶️ Welcome back")
                .contains("1 person was already waiting"));
        assertThat(seenBy(out, "alice").stream().filter(m -> m.startsWith("📚 Can you teach *kubernetes* to bob?")))
                .hasSize(2);
    }

    @Test
    void defect1_afterTheCoolOffTheTeacherIsBackAndTheLearnerIsProposedToHerAgain() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@carol /guild create k8s \"Kubernetes guild\"",
                "@bob /guild join k8s",
                "@alice /guild join k8s",
                "@alice /teach kubernetes",
                "@bob /learn kubernetes",
                "!advance 3d1h",
                "@carol /guild insights k8s",
                "!advance 8d",
                "@bob /learn list");

        // While alice is paused, insights don't claim the topic has a teacher for bob
        assertThat(everything(out)).anySatisfy(m -> assertThat(m).startsWith("📈 Insights")
                .contains("kubernetes: 1 waiting").doesNotContain("every topic someone waits for has a teacher"));
        // After the cool-off she is back, told so, and bob is hers to answer again
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).startsWith("▶️ Your teaching is back on")
                .contains("1 person was already waiting"));
        assertThat(seenBy(out, "alice").stream().filter(m -> m.startsWith("📚 Can you teach *kubernetes* to bob?")))
                .hasSize(2);
        assertThat(seenBy(out, "bob").get(seenBy(out, "bob").size() - 1)).contains("waiting for alice to answer");
    }

    @Test
    void defect2_theExpiryMessageSaysWhatHappenedNotThatSomeoneElseWasAsked() throws Exception {
        List<JsonNode> alone = run(dir.resolve("alone"), start(),
                "@alice /teach kafka",
                "@bob /learn kafka",
                "!advance 3d1h");
        assertThat(everything(alone)).anySatisfy(m -> assertThat(m).startsWith("⌛ This proposal to teach *kafka* to bob"
                + " expired. Nobody else has room, so bob waits for a teacher"));
        assertThat(everything(alone)).noneSatisfy(m -> assertThat(m).contains("asked someone else"));

        List<JsonNode> two = run(dir.resolve("two"), start(),
                "@alice /teach kafka",
                "@bob /learn kafka",
                "@dave /teach kafka",
                "!advance 3d1h");
        assertThat(everything(two)).anySatisfy(m -> assertThat(m)
                .isEqualTo("⌛ This proposal to teach *kafka* to bob expired. I've asked someone else."));
        assertThat(seenBy(two, "dave")).anySatisfy(m -> assertThat(m).startsWith("📚 Can you teach *kafka* to bob?"));
    }

    @Test
    void defect3_takingATicketFromTheBoardMakesTheTakerATeacherOfTheTopic() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@bob /learn kafka",
                "@dave /learn board",
                "@dave !press mentorship.take:1",
                "@dave /teach list");
        assertThat(seenBy(out, "dave")).anySatisfy(m -> assertThat(m).startsWith("🧑‍🏫 You now teach *kafka* too"));
        assertThat(seenBy(out, "dave")).anySatisfy(m -> assertThat(m).startsWith("🧑‍🏫 What you teach")
                .contains("kafka: 1 of 2 places taken"));
        assertThat(seenBy(out, "dave")).noneSatisfy(m -> assertThat(m).contains("You don't teach anything yet"));
    }

    @Test
    void defect4_stoppingATopicWithdrawsItsPendingProposalsAndMovesTheLearnersOn() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@alice /teach kubernetes",
                "@bob /learn kubernetes",
                "@erin /teach kubernetes",
                "@alice /teach stop kubernetes",
                "@bob /learn list",
                "@alice !press mentorship.accept:1");
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).contains("I withdrew 1 proposal"));
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).startsWith("alice has stopped teaching kubernetes")
                .contains("erin"));
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).contains("waiting for erin to answer"));
        assertThat(seenBy(out, "bob")).noneSatisfy(m -> assertThat(m).contains("waiting for alice"));
        assertThat(seenBy(out, "alice").get(seenBy(out, "alice").size() - 1)).contains("withdrawn");
        assertThat(seenBy(out, "erin")).anySatisfy(m -> assertThat(m).startsWith("📚 Can you teach *kubernetes* to bob?"));
    }

    @Test
    void defect5_aWordThatIsNotExactlyASubcommandIsATopic() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@alice /teach helm",
                "@bob /learn lisp",
                "@bob /learn dune",
                "@bob /learn bard",
                "@bob /learn lust",
                "@carol /teach stpo kubernetes",
                "@carol /learn dnoe 3");
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m).startsWith("🙌 You now teach *helm*"));
        for (String topic : new String[] {"lisp", "dune", "bard", "lust"}) {
            assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).contains("you want to learn *" + topic + "*"));
        }
        assertThat(everything(out)).noneSatisfy(m -> assertThat(m).contains("Did you mean /teach help")
                .contains("Did you mean /learn"));
        // Only when the rest of the line can't be a topic is a subcommand suggested
        assertThat(seenBy(out, "carol")).anySatisfy(m -> assertThat(m).contains("Did you mean /teach stop kubernetes?"));
        assertThat(seenBy(out, "carol")).anySatisfy(m -> assertThat(m).contains("Did you mean /learn done 3?"));
    }

    @Test
    void defect6_theSessionsLearnInvitationAsksThePresenterAndModuleOwnersAndTheTicketSaysWho() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@carol /guild create data \"Data guild\"",
                "@carol /guild module add data \"Kafka\"",
                "@erin /guild join data",
                "@erin /guild module own data \"Kafka\"",
                "@dave #data /session start \"Kafka\"",
                "@dave #data /session end",
                "@dave !press livesession.learn-invite:1",
                "@bob /learn kafka why partitions",
                "@dave !press mentorship.invite-teach:1");
        assertThat(seenBy(out, "dave")).anySatisfy(m -> assertThat(m).startsWith("🧭 Posted the /learn invitation")
                .contains("I've asked dave and erin whether they'd teach it"));
        assertThat(seenBy(out, "dave")).anySatisfy(m -> assertThat(m).startsWith("🧭 People may soon ask to learn *kafka*")
                .contains("[I'll teach kafka] mentorship.invite-teach:1"));
        assertThat(seenBy(out, "erin")).anySatisfy(m -> assertThat(m).contains("Why you: You own the kafka module")
                .contains("mentorship.invite-teach:2"));
        assertThat(seenBy(out, "bob")).anySatisfy(m -> assertThat(m).contains("Ticket #1")
                .contains("I've asked dave (presented Kafka) and erin (owns the kafka module) whether they'd teach it"));
        // And one click later dave teaches it, and bob is proposed to him
        assertThat(seenBy(out, "dave")).anySatisfy(m -> assertThat(m).startsWith("🙌 You now teach *kafka*")
                .contains("1 person was already waiting"));
        assertThat(seenBy(out, "dave")).anySatisfy(m -> assertThat(m).startsWith("📚 Can you teach *kafka* to bob?"));
    }

    @Test
    void defect7_theWeekLongWaitNoticeComesWithoutAnyoneAskingForInsights() throws Exception {
        List<JsonNode> out = run(dir, start(),
                "@erin /learn rust",
                "!advance 8d");
        assertThat(seenBy(out, "erin")).filteredOn(m -> m.contains("You're not forgotten")).hasSize(1);
    }

    @Test
    void defect8_theCapacityHintKeepsTheOptionOutOfTheQuotedTopic() throws Exception {
        List<JsonNode> out = run(dir, start(), "@alice /teach go --capacity 2 extra words");
        assertThat(seenBy(out, "alice")).anySatisfy(m -> assertThat(m)
                .contains("/teach \"go extra words\" --capacity 2.").doesNotContain("\"go --capacity"));
    }
}
