package dev.guildhall.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code !form} fills a form through the same submission path as Slack's modals and Teams' dialogs. */
class ConsoleFormTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    private List<JsonNode> run(String... lines) throws Exception {
        return ConsoleRunner.run(dir, AdjustableClock.fixedAt(NOW), lines);
    }

    private static String texts(List<JsonNode> lines) {
        return String.join("\n", lines.stream().map(JsonNode::toString).toList());
    }

    @Test
    void aLeadPlansAMeetupByFormInTheirOwnTimeZone() throws Exception {
        // Given alice leads devops and lives in Berlin
        List<JsonNode> out = run("@alice /guild create devops \"DevOps\"",
                "@alice !tz Europe/Berlin",
                // When she fills the meetup form
                "@alice !form /guild meetup guild=devops title=\"Kafka deep dive\" date=2026-12-10 time=16:00",
                "@alice /guild meetups devops");
        // Then the meetup is planned at 16:00 Berlin time, as if typed
        String all = texts(out);
        assertThat(all).contains("Planned meetup #1: *Kafka deep dive*");
        assertThat(all).contains("Thu 10 Dec 2026, 16:00 (Europe/Berlin)");
    }

    @Test
    void aProblemIsNamedOnItsFieldAndChangesNothing() throws Exception {
        // Given alice leads devops
        List<JsonNode> out = run("@alice /guild create devops \"DevOps\"",
                "@alice !tz Europe/Berlin",
                // When she gives a date that is no date, and then one already past
                "@alice !form /guild meetup guild=devops title=Kafka date=tomorrow time=16:00",
                "@alice !form /guild meetup guild=devops title=Kafka date=2026-11-10 time=16:00",
                "@alice /guild meetups devops");
        // Then each answer names the field, and nothing was planned
        String all = texts(out);
        assertThat(all).contains("Date: Give date as a date like 2026-12-10.");
        assertThat(all).contains("Date: \\\"2026-11-10 16:00\\\" is already past");
        assertThat(all).contains("No meetups planned");
    }

    @Test
    void aWeeklyMeetupFromTheFormRepeatsOnTheChosenWeekday() throws Exception {
        List<JsonNode> out = run("@alice /guild create devops \"DevOps\"",
                "@alice !tz Europe/Berlin",
                "@alice !form /guild meetup guild=devops title=Standup date=2026-12-03 time=10:00 repeat=weekly");
        assertThat(texts(out)).contains("Planned meetup #1: *Standup*").contains("Repeats every thursday");
    }

    @Test
    void learnAndTeachFormsBecomeTheCommandsTheyStandFor() throws Exception {
        List<JsonNode> out = run("@alice !form /teach topic=k8s capacity=3",
                "@bob !form /learn topic=kubernetes goal=\"deploy my first service, it's for work\"");
        String all = texts(out);
        assertThat(all).contains("You now teach *kubernetes*, up to 3 learners");
        assertThat(all).contains("Ticket #1: you want to learn *kubernetes*");
    }

    @Test
    void anAnnouncementIsPreviewedFirstAndSentWithConfirm() throws Exception {
        List<JsonNode> out = run("@alice /guild create devops \"DevOps\"",
                "@bob /guild join devops",
                "@alice !form /guild announce guild=devops text=\"Slides are in the wiki\"");
        assertThat(texts(out)).contains("Preview: this will be sent to 1 member").doesNotContain("On its way");
        List<JsonNode> sent = run("@alice !form /guild announce guild=devops text=\"Slides are in the wiki\" --confirm");
        assertThat(texts(sent)).contains("On its way").contains("Slides are in the wiki");
    }

    @Test
    void anOwnerAddsACheckQuestionByFormAndItIsListed() throws Exception {
        // Given alice leads k8s and owns its module Pods
        List<JsonNode> out = run("@alice /guild create k8s \"Kubernetes\"",
                "@alice /guild module add k8s \"Pods\"",
                "@alice /guild module own k8s \"Pods\"",
                // When she fills the /check add form
                "@alice !form /check add module=Pods question=\"What is a pod?\" right=\"Containers scheduled together\""
                        + " wrong=\"A virtual machine\" explain=\"See the docs\"",
                "@alice /check list \"Pods\"");
        // Then the question is added, as if typed, and listed with its answers
        String all = texts(out);
        assertThat(all).contains("Added question 1 to the *Pods* check (2 options");
        assertThat(all).contains("1. What is a pod?").contains("✓ Containers scheduled together · ✗ A virtual machine")
                .contains("See the docs");
    }

    @Test
    void aCheckQuestionWithoutAWrongAnswerIsRefusedOnThatFieldAndChangesNothing() throws Exception {
        // Given alice owns Pods
        List<JsonNode> out = run("@alice /guild create k8s \"Kubernetes\"",
                "@alice /guild module add k8s \"Pods\"",
                "@alice /guild module own k8s \"Pods\"",
                // When she sends the form with no wrong answer
                "@alice !form /check add module=Pods question=\"What is a pod?\" right=\"Containers\" wrong=\"\"",
                "@alice /check list \"Pods\"");
        // Then the wrong answers field says so, and the module still has no check
        String all = texts(out);
        assertThat(all).contains("Wrong answers: Fill in wrong answers.");
        assertThat(all).contains("*Pods* has no check yet").doesNotContain("Added question");
    }

    @Test
    void helpListsEachFormsFields() throws Exception {
        String help = texts(run("help"));
        assertThat(help).contains("/guild meetup: guild (a choice), title (text, up to 150 characters)")
                .contains("date (a date like 2026-12-10)").contains("time (a time like 16:00, in your time zone)")
                .contains("/learn: topic (any name, suggestions as you type)")
                .contains("/check add: module (a choice), question (text, up to 500 characters)")
                .contains("wrong (text, up to 1505 characters)").contains("explain (text, up to 500 characters, optional)");
    }

    @Test
    void aFormForACommandWithoutOneIsAMalformedLine() {
        assertThatThrownBy(() -> run("@alice !form /guild join slug=devops"))
                .hasMessageContaining("No form for that command");
    }
}
