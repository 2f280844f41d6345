package dev.guildhall.programme;

import dev.guildhall.core.ActionPress;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.testing.AnonymityEvidence;
import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Knowledge checks: bad input changes nothing, self-ratings, re-checks across a restart, anonymous questions. */
class ChecksTest {
    private static final List<String> TABLES = List.of("programme", "programme_module", "cohort", "cohort_member",
            "check_question", "check_objective", "check_round", "check_answer", "check_gap", "scheduled_task");

    @RegisterExtension
    final BotExtension bot = BotExtension.wholeBot();

    @BeforeEach
    void aGuildWithAModuleOwnedByOliviaAndACohortOfThree() {
        // Given alice's k8s guild, olivia owning Pods, a programme and a cohort of three
        PodsProgramme.create(bot);
        for (String trainee : List.of("bob", "carol", "dave")) {
            bot.say(trainee, "/programme join k8s-101");
        }
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing() {
        bot.say("olivia", "/check add \"Pods\" \"What is a pod?\" \"Containers scheduled together\" \"A VM\"");
        String before = counts();

        assertThat(bot.say("olivia", "/check add \"Potds\" \"Q?\" \"right\" \"wrong\""))
                .startsWith("There is no module called \"Potds\". /guild modules <guild> lists a guild's modules");
        assertThat(bot.say("olivia", "/check add \"Pods\" \"Is it?\" \"Yes\""))
                .startsWith("A question needs its text, the right answer and at least one wrong answer");
        assertThat(bot.say("bob", "/check add \"Pods\" \"Is it?\" \"Yes\" \"No\""))
                .startsWith("Only the owners of *Pods* can add questions to its check.");
        assertThat(bot.say("olivia", "/check add \"Pods\" \"Is it?\" \"Yes\" \"yes\""))
                .startsWith("Two of the answers are the same");
        assertThat(bot.say("bob", "/programme create x-1 --guild k8s \"Mine\""))
                .startsWith("Only the guild's leads can create its programmes");
        assertThat(bot.say("alice", "/programme module add k8s-101 \"Operators\""))
                .startsWith("The guild's syllabus has no module called \"Operators\".");
        assertThat(bot.say("alice", "/programme cohort k8s-101 start \"next monday\""))
                .startsWith("\"next monday\" isn't a date I can read.");
        assertThat(bot.say("bob", "/programme join k8s-101")).startsWith("You're already in the cohort");
        assertThat(bot.say("bob", "/check send \"Pods\"")).startsWith("Only the owners of *Pods* and its guild's leads");
        assertThat(bot.say("bob", "/check results \"Pods\"")).startsWith("Only the owners of *Pods* and its guild's leads");
        assertThat(bot.say("bob", "/check lst \"Pods\"")).startsWith("Did you mean /check list?");
        assertThat(bot.say("bob", "/programme")).startsWith("What would you like to do?");
        assertThat(bot.sayIn("bob", "k8s", "/session start \"Pods\" --module \"Pods\""))
                .startsWith("Only the owners of *Pods*, its presenter in a cohort and its guild's leads");
        assertThat(counts()).isEqualTo(before);
        assertThat(bot.count("live_session")).isZero();
    }

    @Test
    void afterTheQuestionsEachPersonRatesTheObjectivesAndTheOwnerSeesOnlyCountsFromThree() {
        // Given one question and one objective, sent by the owner
        bot.say("olivia", "/check add \"Pods\" \"Do containers in a pod share an IP?\" \"Yes\" \"No\"");
        bot.say("olivia", "/check objective \"Pods\" \"Explain why a pod is the unit of scheduling\"");
        assertThat(bot.say("olivia", "/check send \"Pods\"")).startsWith("📨 Sent the *Pods* check to 3 people by DM.");

        // When two have answered and rated
        for (String trainee : List.of("bob", "carol")) {
            String rating = bot.press(trainee, rightAnswer(trainee));
            assertThat(rating).contains("how sure are you?\nExplain why a pod is the unit of scheduling")
                    .contains("[I could explain this to someone]").contains("[Mostly]").contains("[Not yet]");
            assertThat(bot.press(trainee, button(rating, trainee.equals("bob") ? "Mostly" : "Not yet")))
                    .startsWith("✅ *Pods* — you got all 1 right.");
        }
        // Then the owner sees no count yet, and after the third, counts of each answer and rating — never who
        assertThat(bot.say("olivia", "/check results \"Pods\""))
                .contains("1. Do containers in a pod share an IP?: fewer than 3 answered")
                .contains("🎯 Explain why a pod is the unit of scheduling: fewer than 3 rated it yet");
        String dave = bot.press("dave", wrongAnswer("dave"));
        bot.press("dave", button(dave, "Not yet"));
        String view = bot.say("olivia", "/check results \"Pods\"");
        assertThat(view).contains("1. Do containers in a pod share an IP?: missed by 1 of 3")
                .contains("🎯 Explain why a pod is the unit of scheduling: 0 could explain it · 1 mostly · 2 not yet");
        assertThat(view.toLowerCase(Locale.ROOT)).doesNotContain("bob").doesNotContain("carol").doesNotContain("dave");
        // and a second send reaches nobody new
        assertThat(bot.say("olivia", "/check send \"Pods\"")).startsWith("Nobody is waiting for the *Pods* check");
    }

    @Test
    void aPlannedReCheckSurvivesARestartAndClosesTheGapAfterTwoRightAnswers() {
        bot.say("olivia", "/check add \"Pods\" \"Do containers in a pod share an IP?\" \"Yes\" \"No\"");
        bot.say("olivia", "/check send \"Pods\"");
        String result = bot.press("dave", wrongAnswer("dave"));
        assertThat(bot.press("dave", button(result, "Go through it again"))).contains("again on Thu 5 Mar");
        assertThat(bot.press("dave", button(result, "Go through it again"))).startsWith("Already planned");

        // When the bot restarts and three days pass
        bot.restart();
        bot.chat.clear();
        bot.advance(Duration.ofDays(3));

        // Then the re-check comes; right twice, a week apart, closes the gap
        assertThat(lastDirectTo("dave")).startsWith("🔁 *Pods* — re-check, question 1 of 1");
        assertThat(bot.press("dave", rightAnswer("dave"))).contains("1 of 1 right. Right again once more");
        bot.advance(Duration.ofDays(7));
        assertThat(bot.press("dave", rightAnswer("dave"))).contains("One gap is closed for good ✓");
        assertThat(bot.say("dave", "/programme me")).contains("✓ closed: Do containers in a pod share an IP? — right"
                + " twice on re-checks");
        bot.advance(Duration.ofDays(30));
        assertThat(bot.chat.directTo(BotExtension.id("dave")).stream().filter(s -> s.mentions("re-check"))).hasSize(2);
    }

    @Test
    void aGapClosedWithAMentorCountsInInsightsOnlyWhenItsTicketWasDoneWithinThirtyDays() {
        // Given tom teaching pods, and carol and dave each missing the one question and asking for a mentor
        bot.say("tom", "/teach pods");
        bot.say("olivia", "/check add \"Pods\" \"Do containers in a pod share an IP?\" \"Yes\" \"No\"");
        bot.say("olivia", "/check send \"Pods\"");
        bot.press("bob", rightAnswer("bob"));
        String carol = bot.press("carol", wrongAnswer("carol"));
        String dave = bot.press("dave", wrongAnswer("dave"));

        // When carol's ticket is done (she says she understands) 2 days after her miss, and dave's 31 days after his
        bot.press("carol", button(carol, "Find me a mentor for this"));
        bot.press("tom", "mentorship.accept:1");
        bot.advance(Duration.ofDays(2));
        assertThat(bot.say("carol", "/learn done 1")).contains("do you understand *pods* now");
        bot.press("carol", "mentorship.understood:1");
        bot.press("dave", button(dave, "Find me a mentor for this"));
        bot.press("tom", "mentorship.accept:2");
        bot.advance(Duration.ofDays(3));
        bot.press("dave", "mentorship.met:2"); // a pair that never meets is let go before it is done
        bot.advance(Duration.ofDays(26));
        assertThat(bot.say("dave", "/learn done 2")).contains("do you understand *pods* now");
        bot.press("dave", "mentorship.understood:2");

        // Then only carol's gap counts as closed within 30 days
        assertThat(bot.say("alice", "/programme insights k8s-101"))
                .contains("gaps closed within 30 days: 1 of 2 (0 by re-check, 1 with a mentor)");
    }

    @Test
    void anAnonymousQuestionLeavesNoTraceOfWhoAskedIt() throws Exception {
        try (AnonymityEvidence evidence = AnonymityEvidence.captureLogs()) {
            // Given someone the bot has never seen
            // When they ask Pods' owners anonymously, by command and by the result's button with a text box
            assertThat(bot.say("zed", "/ask \"Pods\" why do pods share a network namespace?"))
                    .startsWith("❓ Sent to the owners of *Pods* without your name.");
            assertThat(bot.press("yuki", "check.ask:1")).contains("[Ask anonymously] check.ask:1");
            bot.bot().handle(dev.guildhall.core.Inbound.of(new dev.guildhall.core.ActionPress(bot.person("yuki"),
                    java.util.Optional.empty(), "check.ask:1", "what evicts a pod?")));
            bot.bot().runDue();

            // Then the owner gets both questions, and neither the tables nor the logs hold who asked
            assertThat(bot.chat.directTo(BotExtension.id("olivia")).stream().map(s -> s.message().text()))
                    .contains("❓ An anonymous question about *Pods*:\nwhy do pods share a network namespace?",
                            "❓ An anonymous question about *Pods*:\nwhat evicts a pod?");
            String tables = AnonymityEvidence.dumpEveryTable(bot.databaseFile()).toLowerCase(Locale.ROOT);
            assertThat(tables).contains("what evicts a pod?").contains("console:olivia")
                    .doesNotContain("console:zed").doesNotContain("yuki");
            assertThat(evidence.logLines().toLowerCase(Locale.ROOT)).doesNotContain("console:zed").doesNotContain("yuki");
            assertThat(bot.say("olivia", "/check results \"Pods\"")).contains("❓ Anonymous questions (2): • why do pods");
        }
    }

    @Test
    void aRefusedQuestionFromTheAskBoxComesBackToTheAskerToCopy() throws Exception {
        // Given a question typed in the box that is too long
        String question = "what evicts a pod " + "z".repeat(AskCommand.MAX_LENGTH);

        // When yuki presses Ask anonymously with it
        String reply = bot.press("yuki", null, "check.ask:1", question);

        // Then she is told why and gets her words back, and they are sent and kept nowhere
        assertThat(reply).contains("Please keep your question under").contains(question);
        assertThat(bot.chat.directTo(BotExtension.id("olivia"))).noneMatch(s -> s.message().text().contains("evicts"));
        assertThat(AnonymityEvidence.dumpEveryTable(bot.databaseFile())).doesNotContain("what evicts a pod");
    }

    @Test
    void aRetriedAnonymousQuestionIsPostedOnceAndNothingStoredLinksItToWhoAsked() throws Exception {
        try (AnonymityEvidence evidence = AnonymityEvidence.captureLogs()) {
            // Given zed's /ask and yuki's "Ask anonymously" with text, each delivered twice with the same request id
            Inbound ask = Inbound.of(new Command(bot.person("zed"), Optional.empty(), "/ask",
                    "\"Pods\" why do pods share a network namespace?")).withRequestId("slack-request-zed");
            Inbound press = Inbound.of(new ActionPress(bot.person("yuki"), Optional.empty(), "check.ask:1",
                    "what evicts a pod?")).withRequestId("slack-request-yuki");

            // When each is handled, then retried
            assertThat(bot.bot().handle(ask).reply().messages().get(0).text()).startsWith("❓ Sent to the owners of *Pods*");
            assertThat(bot.bot().handle(ask).reply().messages().get(0).text()).startsWith("Got it — that request reached"
                    + " Guildhall twice; the repeat changed nothing.");
            bot.bot().handle(press);
            bot.bot().handle(press);
            bot.bot().runDue();

            // Then the owner gets each question once, and neither the tables nor the logs hold who asked or the ids
            assertThat(bot.chat.directTo(BotExtension.id("olivia")).stream().map(s -> s.message().text())
                    .filter(text -> text.startsWith("❓ An anonymous question"))).containsExactly(
                    "❓ An anonymous question about *Pods*:\nwhy do pods share a network namespace?",
                    "❓ An anonymous question about *Pods*:\nwhat evicts a pod?");
            assertThat(bot.count("check_anonymous_question")).isEqualTo(2);
            assertThat(bot.count("check_anonymous_request")).isEqualTo(2);
            String tables = AnonymityEvidence.dumpEveryTable(bot.databaseFile()).toLowerCase(Locale.ROOT);
            assertThat(tables).doesNotContain("console:zed").doesNotContain("yuki").doesNotContain("slack-request");
            assertThat(evidence.logLines().toLowerCase(Locale.ROOT)).doesNotContain("console:zed")
                    .doesNotContain("yuki").doesNotContain("slack-request");

            // and the retry hashes go once the platforms have stopped retrying
            bot.advance(AskRetries.REMEMBERED.plusMinutes(1));
            bot.bot().handle(Inbound.of(new Command(bot.person("zed"), Optional.empty(), "/ask",
                    "\"Pods\" and init containers?")).withRequestId("slack-request-later"));
            assertThat(bot.count("check_anonymous_request")).isEqualTo(1);
        }
    }

    @Test
    void forgettingSomeoneErasesTheirAnswersRatingsAndGapsAndLeavesTheOthersCounts() {
        // Given a question dave missed (a gap) and carol got right
        bot.say("olivia", "/check add \"Pods\" \"Do containers in a pod share an IP?\" \"Yes\" \"No\"");
        bot.say("olivia", "/check send \"Pods\"");
        bot.press("carol", rightAnswer("carol"));
        bot.press("dave", wrongAnswer("dave"));

        // When dave is forgotten
        bot.say("dave", "/guildhall forget-me");
        assertThat(bot.press("dave", "guildhall-forget:me")).contains("Guildhall has forgotten you");

        // Then nothing of his answers remains, carol's stay, and every foreign key still holds
        assertThat(bot.count("check_round WHERE person_id = 'console:dave'")).isZero();
        assertThat(bot.count("check_gap")).isZero();
        assertThat(bot.count("check_answer")).isEqualTo(1);
        assertThat(bot.count("cohort_member WHERE person_id = 'console:dave'")).isZero();
        List<java.util.Map<String, Object>> brokenKeys = bot.bot().database().read(h -> h.createQuery(
                "PRAGMA foreign_key_check").mapToMap().list());
        assertThat(brokenKeys).isEmpty();
    }

    /** The button of the right (or a wrong) answer in the last question the person was shown. */
    private String rightAnswer(String person) {
        return answer(person, true);
    }

    private String wrongAnswer(String person) {
        return answer(person, false);
    }

    private String answer(String person, boolean right) {
        String question = lastDirectTo(person);
        Matcher option = Pattern.compile("\\n([A-F])\\) (Yes|No)").matcher(question);
        while (option.find()) {
            if (option.group(2).equals("Yes") == right) {
                return button(bot.chat.directTo(BotExtension.id(person)).get(bot.chat.directTo(BotExtension.id(person)).size()
                        - 1).message(), option.group(1));
            }
        }
        throw new AssertionError("no option in " + question);
    }

    private String lastDirectTo(String person) {
        List<dev.guildhall.testing.RecordingChatPort.Sent> sent = bot.chat.directTo(BotExtension.id(person));
        return sent.get(sent.size() - 1).message().text();
    }

    private static String button(dev.guildhall.core.Message message, String label) {
        return message.buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow().actionId();
    }

    private static String button(String reply, String label) {
        Matcher button = Pattern.compile("\\[" + Pattern.quote(label) + "] (\\S+)").matcher(reply);
        if (!button.find()) {
            throw new AssertionError("no button " + label + " in " + reply);
        }
        return button.group(1);
    }

    private String counts() {
        return String.join(",", TABLES.stream().map(t -> t + "=" + bot.count(t)).toList());
    }
}
