package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace still on the old manifest sends {@code @pubob} as plain text: the name is used only when exactly one
 * person the bot knows has it, and the lead is told whom it picked, with Undo.
 */
class SlackPlainNameMentionTest {
    private static final String LEAD = "U0LEA";
    private static final String LEAD_ROLE = "SELECT role FROM guild_member WHERE person_id LIKE '%U0PUB'";

    private static SlackRig.Answer say(SlackRig rig, String user, String command, String text) {
        // Slack's user_name is what the bot knows someone by until users.info answers
        String userName = user.equals(LEAD) ? "lea" : "pubob";
        return rig.form(SlackRequests.slashCommand(user, userName, command, text, "C0GUILDS", "guilds",
                rig.slack.responseUrl(user + text.hashCode())));
    }

    private static SlackRig rigWithAGuild(Path dir) throws Exception {
        SlackRig rig = SlackRig.unpaced(dir);
        rig.slack.user(LEAD, "Lea", "Europe/Berlin");
        rig.slack.user("U0PUB", "pubob", "Europe/Berlin");
        say(rig, LEAD, "/guild", "create imp \"Imps\"");
        say(rig, "U0PUB", "/guild", "list");
        return rig;
    }

    @Test
    void aPlainNameOnlyOnePersonHasIsUsedAndTheLeadCanUndoIt(@TempDir Path dir) throws Exception {
        try (SlackRig rig = rigWithAGuild(dir)) {
            // When the lead names pubob in plain text
            SlackRig.Answer answer = say(rig, LEAD, "/guild", "lead add imp @pubob");

            // Then pubob is a lead, and the lead is told whom the name picked, with Undo
            assertThat(answer.body()).contains("I made @pubob (pubob) a lead of *Imps* (imp) — not who you meant?");
            assertThat(rig.text(LEAD_ROLE)).isEqualTo("LEAD");
            JsonNode undo = FakeSlack.JSON.readTree(answer.body()).findValues("elements").stream()
                    .flatMap(elements -> java.util.stream.StreamSupport.stream(elements.spliterator(), false))
                    .filter(element -> element.path("text").path("text").asText().equals("Undo"))
                    .findFirst().orElseThrow();

            // When the lead presses Undo
            rig.signed(SlackRequests.blockAction(LEAD, "lea", undo.path("action_id").asText(), "C0GUILDS",
                    rig.slack.responseUrl("undo"), SlackRequests.newTriggerId()), "application/x-www-form-urlencoded");

            // Then pubob is out of the guild again (they were not a member), and the lead is told
            assertThat(rig.slack.awaitCalls("response_url", 1).get(0).param("text")).contains("Undone: pubob");
            assertThat(rig.count("SELECT COUNT(*) FROM guild_member WHERE person_id LIKE '%U0PUB'")).isZero();
        }
    }

    @Test
    void aMentionByIdIsUsedWithoutAsking(@TempDir Path dir) throws Exception {
        try (SlackRig rig = rigWithAGuild(dir)) {
            SlackRig.Answer answer = say(rig, LEAD, "/guild", "lead add imp <@U0PUB|pubob>");

            assertThat(answer.body()).contains("pubob is now a lead of *Imps*").doesNotContain("Undo");
            assertThat(rig.text(LEAD_ROLE)).isEqualTo("LEAD");
        }
    }

    @Test
    void aNameTwoPeopleShareIsRefusedWithHowToPickTheRightOne(@TempDir Path dir) throws Exception {
        try (SlackRig rig = rigWithAGuild(dir)) {
            // Given a second person who chose the same display name
            rig.slack.user("U0IMP", "pubob", "Europe/Berlin");
            say(rig, "U0IMP", "/guild", "list");

            SlackRig.Answer answer = say(rig, LEAD, "/guild", "lead add imp @pubob");

            assertThat(answer.body()).contains("Several people I know are called @pubob", "as you type @");
            assertThat(rig.count("SELECT COUNT(*) FROM guild_member WHERE role = 'LEAD'")).isEqualTo(1);
        }
    }
}
