package dev.guildhall.mentorship;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16's defects, each from its reproduction, through the real console ({@code --script --json}). */
class MentorshipDefectsAcceptanceTest {
    @TempDir
    Path dir;

    @Test
    void defect1_aSilentTeacherIsPausedToldAndGetsTheLearnerBackWhenSheResumesWithOneClick() throws Exception {
        Script out = Script.run(dir,
                "@alice /teach kubernetes",
                "@bob /learn kubernetes",
                "!advance 3d1h",
                "@alice /teach list",
                "@bob /learn list",
                "@alice !press mentorship.resume:1");

        // Then alice is told she is paused, with a one-click resume, and bob is told why he waits and for whom
        assertThat(out.to("alice")).anySatisfy(m -> assertThat(m).startsWith("⏸ You didn't answer in time")
                .contains("until Thu 12 Mar").contains("[Resume teaching] mentorship.resume:1"));
        assertThat(out.to("alice")).anySatisfy(m -> assertThat(m).contains("What you teach (paused: /teach resume)"));
        assertThat(out.to("bob")).anySatisfy(m -> assertThat(m).startsWith("alice didn't answer in time")
                .contains("alice has paused teaching until Thu 12 Mar")
                .contains("you'll be proposed to them again when they're back"));
        // And when she resumes, bob is proposed to her again at once
        assertThat(out.to("alice")).anySatisfy(m -> assertThat(m).startsWith("▶️ Welcome back")
                .contains("1 person was already waiting"));
        assertThat(out.to("alice").stream().filter(m -> m.startsWith("📚 Can you teach *kubernetes* to bob?")))
                .hasSize(2);
    }

    @Test
    void defect1_afterTheCoolOffTheTeacherIsBackAndTheLearnerIsProposedToHerAgain() throws Exception {
        Script out = Script.run(dir,
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
        assertThat(out.all()).anySatisfy(m -> assertThat(m).startsWith("📈 Insights")
                .contains("kubernetes: 1 waiting").doesNotContain("every topic someone waits for has a teacher"));
        // After the cool-off she is back, told so, and bob is hers to answer again
        assertThat(out.to("alice")).anySatisfy(m -> assertThat(m).startsWith("▶️ Your teaching is back on")
                .contains("1 person was already waiting"));
        assertThat(out.to("alice").stream().filter(m -> m.startsWith("📚 Can you teach *kubernetes* to bob?")))
                .hasSize(2);
        assertThat(out.to("bob").get(out.to("bob").size() - 1)).contains("waiting for alice to answer");
    }

    @Test
    void defect2_theExpiryMessageSaysWhatHappenedNotThatSomeoneElseWasAsked() throws Exception {
        Script alone = Script.run(dir.resolve("alone"),
                "@alice /teach kafka",
                "@bob /learn kafka",
                "!advance 3d1h");
        assertThat(alone.all()).anySatisfy(m -> assertThat(m).startsWith("⌛ This proposal to teach *kafka* to bob"
                + " expired. Nobody else has room, so bob waits for a teacher"));
        assertThat(alone.all()).noneSatisfy(m -> assertThat(m).contains("asked someone else"));

        Script two = Script.run(dir.resolve("two"),
                "@alice /teach kafka",
                "@bob /learn kafka",
                "@dave /teach kafka",
                "!advance 3d1h");
        assertThat(two.all()).anySatisfy(m -> assertThat(m)
                .isEqualTo("⌛ This proposal to teach *kafka* to bob expired. I've asked someone else."));
        assertThat(two.to("dave")).anySatisfy(m -> assertThat(m).startsWith("📚 Can you teach *kafka* to bob?"));
    }

    @Test
    void defect3_takingATicketFromTheBoardMakesTheTakerATeacherOfTheTopic() throws Exception {
        Script out = Script.run(dir,
                "@bob /learn kafka",
                "@dave /learn board",
                "@dave !press mentorship.take:1",
                "@dave /teach list");
        assertThat(out.to("dave")).anySatisfy(m -> assertThat(m).startsWith("🧑‍🏫 You now teach *kafka* too"));
        assertThat(out.to("dave")).anySatisfy(m -> assertThat(m).startsWith("🧑‍🏫 What you teach")
                .contains("kafka: 1 of 2 places taken"));
        assertThat(out.to("dave")).noneSatisfy(m -> assertThat(m).contains("You don't teach anything yet"));
    }

    @Test
    void defect4_stoppingATopicWithdrawsItsPendingProposalsAndMovesTheLearnersOn() throws Exception {
        Script out = Script.run(dir,
                "@alice /teach kubernetes",
                "@bob /learn kubernetes",
                "@erin /teach kubernetes",
                "@alice /teach stop kubernetes",
                "@bob /learn list",
                "@alice !press mentorship.accept:1");
        assertThat(out.to("alice")).anySatisfy(m -> assertThat(m).contains("I withdrew 1 proposal"));
        assertThat(out.to("bob")).anySatisfy(m -> assertThat(m).startsWith("alice has stopped teaching kubernetes")
                .contains("erin"));
        assertThat(out.to("bob")).anySatisfy(m -> assertThat(m).contains("waiting for erin to answer"));
        assertThat(out.to("bob")).noneSatisfy(m -> assertThat(m).contains("waiting for alice"));
        assertThat(out.to("alice").get(out.to("alice").size() - 1)).contains("withdrawn");
        assertThat(out.to("erin")).anySatisfy(m -> assertThat(m).startsWith("📚 Can you teach *kubernetes* to bob?"));
    }

    @Test
    void defect5_aWordThatIsNotExactlyASubcommandIsATopic() throws Exception {
        Script out = Script.run(dir,
                "@alice /teach helm",
                "@bob /learn lisp",
                "@bob /learn dune",
                "@bob /learn bard",
                "@bob /learn lust",
                "@carol /teach stpo kubernetes",
                "@carol /learn dnoe 3");
        assertThat(out.to("alice")).anySatisfy(m -> assertThat(m).startsWith("🙌 You now teach *helm*"));
        for (String topic : new String[] {"lisp", "dune", "bard", "lust"}) {
            assertThat(out.to("bob")).anySatisfy(m -> assertThat(m).contains("you want to learn *" + topic + "*"));
        }
        assertThat(out.all()).noneSatisfy(m -> assertThat(m).contains("Did you mean /teach help")
                .contains("Did you mean /learn"));
        // Only when the rest of the line can't be a topic is a subcommand suggested
        assertThat(out.to("carol")).anySatisfy(m -> assertThat(m).contains("Did you mean /teach stop kubernetes?"));
        assertThat(out.to("carol")).anySatisfy(m -> assertThat(m).contains("Did you mean /learn done 3?"));
    }

    @Test
    void defect6_theSessionsLearnInvitationAsksThePresenterAndModuleOwnersAndTheTicketSaysWho() throws Exception {
        Script out = Script.run(dir,
                "@carol /guild create data \"Data guild\"",
                "@carol /guild module add data \"Kafka\"",
                "@erin /guild join data",
                "@erin /guild module own data \"Kafka\"",
                "@dave #data /session start \"Kafka\"",
                "@dave #data /session end",
                "@dave !press livesession.learn-invite:1",
                "@bob /learn kafka why partitions",
                "@dave !press mentorship.invite-teach:1");
        assertThat(out.to("dave")).anySatisfy(m -> assertThat(m).startsWith("🧭 Posted the /learn invitation")
                .contains("I've asked dave and erin whether they'd teach it"));
        assertThat(out.to("dave")).anySatisfy(m -> assertThat(m).startsWith("🧭 People may soon ask to learn *kafka*")
                .contains("[I'll teach kafka] mentorship.invite-teach:1"));
        assertThat(out.to("erin")).anySatisfy(m -> assertThat(m).contains("Why you: You own the kafka module")
                .contains("mentorship.invite-teach:2"));
        assertThat(out.to("bob")).anySatisfy(m -> assertThat(m).contains("Ticket #1")
                .contains("I've asked dave (presented Kafka) and erin (owns the kafka module) whether they'd teach it"));
        // And one click later dave teaches it, and bob is proposed to him
        assertThat(out.to("dave")).anySatisfy(m -> assertThat(m).startsWith("🙌 You now teach *kafka*")
                .contains("1 person was already waiting"));
        assertThat(out.to("dave")).anySatisfy(m -> assertThat(m).startsWith("📚 Can you teach *kafka* to bob?"));
    }

    @Test
    void defect7_theWeekLongWaitNoticeComesWithoutAnyoneAskingForInsights() throws Exception {
        Script out = Script.run(dir,
                "@erin /learn rust",
                "!advance 8d");
        assertThat(out.to("erin")).filteredOn(m -> m.contains("You're not forgotten")).hasSize(1);
    }

    @Test
    void defect8_theCapacityHintKeepsTheOptionOutOfTheQuotedTopic() throws Exception {
        Script out = Script.run(dir, "@alice /teach go --capacity 2 extra words");
        assertThat(out.to("alice")).anySatisfy(m -> assertThat(m)
                .contains("/teach \"go extra words\" --capacity 2.").doesNotContain("\"go --capacity"));
    }
}
