package dev.guildhall.workinggroup;

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

/** Issue 5's console acceptance, through {@code console --script --json} exactly as a person would run it. */
class WorkingGroupConsoleAcceptanceTest {
    @TempDir
    Path dir;

    private static List<JsonNode> to(List<JsonNode> lines, String person) {
        return lines.stream().filter(l -> person.equals(l.path("to").asText(null))).toList();
    }

    private static List<JsonNode> in(List<JsonNode> lines, String channel) {
        return lines.stream().filter(l -> channel.equals(l.path("channel").asText(null)) && !l.path("ephemeral")
                .asBoolean()).toList();
    }

    private static List<String> buttons(JsonNode line) {
        return StreamSupport.stream(line.path("buttons").spliterator(), false).map(b -> b.get("id").asText()).toList();
    }

    @Test
    void aFullGroupWaitlistsTheThirdOffersASplitSharesWithTheGuildAndClosesWithASummary() throws Exception {
        // Given a guild with its channel, and four of its members
        // When alice creates a working group of size 2 and three people join
        List<JsonNode> out = ConsoleRunner.run(dir, AdjustableClock.fixedAt(Instant.parse("2026-12-01T09:00:00Z")),
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@bob /guild join platform",
                "@carol /guild join platform",
                "@dave /guild join platform",
                "@alice /wg create vpc --guild platform \"Get everyone comfortable with VPC peering\" --size 2",
                "@bob /wg join vpc",
                "@carol /wg join vpc",
                "@dave /wg join vpc",
                "@bob /wg share vpc \"Peering across regions works; notes in the wiki\"",
                "@alice /wg close vpc \"We all set up peering; the runbook is in the wiki\"");

        // Then the group's channel was created and the owner told it's ready
        assertThat(out).anySatisfy(l -> assertThat(l.path("note").asText()).isEqualTo("created #wg-vpc with [alice]"));
        assertThat(to(out, "alice")).anySatisfy(l -> assertThat(l.get("text").asText())
                .contains("*vpc* is ready").contains("#wg-vpc"));
        // and bob and carol are in, dave (the third) is waitlisted
        assertThat(to(out, "bob")).anySatisfy(l -> assertThat(l.get("text").asText()).startsWith("👋 Welcome to *vpc*"));
        assertThat(to(out, "carol")).anySatisfy(l -> assertThat(l.get("text").asText()).startsWith("👋 Welcome to *vpc*"));
        assertThat(to(out, "dave")).anySatisfy(l -> assertThat(l.get("text").asText())
                .contains("is full (2/2").contains("number 1 on its waitlist"));
        // and the owner is offered a split, as a button
        JsonNode offer = to(out, "alice").stream().filter(l -> l.get("text").asText().contains("Split it?"))
                .findFirst().orElseThrow();
        assertThat(offer.get("text").asText()).contains("dave is on its waitlist");
        assertThat(buttons(offer)).singleElement().asString().startsWith("wg.split:");
        // and share posted in the guild's channel, attributed to the group
        assertThat(in(out, "platform")).anySatisfy(l -> assertThat(l.get("text").asText())
                .isEqualTo("📦 From working group *vpc*: Peering across regions works; notes in the wiki"));
        // and close archived the channel and posted the summary to the guild, and told the members
        assertThat(out).anySatisfy(l -> assertThat(l.path("note").asText()).isEqualTo("archived #wg-vpc"));
        assertThat(in(out, "platform")).anySatisfy(l -> assertThat(l.get("text").asText())
                .contains("*vpc*").contains("has closed").contains("We all set up peering; the runbook is in the wiki"));
        assertThat(to(out, "carol")).anySatisfy(l -> assertThat(l.get("text").asText()).contains("has closed"));
        assertThat(to(out, "dave")).anySatisfy(l -> assertThat(l.get("text").asText()).contains("has closed"));
    }

    @Test
    void pressingSplitStartsASecondGroupAndMovesTheWaitlistIn() throws Exception {
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-12-01T09:00:00Z"));
        List<JsonNode> before = ConsoleRunner.run(dir, clock,
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@bob /guild join platform",
                "@carol /guild join platform",
                "@alice /wg create vpc --guild platform \"VPC peering\" --size 1",
                "@bob /wg join vpc",
                "@carol /wg join vpc");

        String split = to(before, "alice").stream().flatMap(l -> buttons(l).stream()).findFirst().orElseThrow();

        // When alice presses the split button, in a later run of the console
        List<JsonNode> out = ConsoleRunner.run(dir, clock, "@alice !press " + split, "@carol /wg info vpc-2");

        // Then vpc-2 gets its own channel, with carol invited and moved in
        assertThat(out).anySatisfy(l -> assertThat(l.path("note").asText())
                .isEqualTo("created #wg-vpc-2 with [alice, carol]"));
        assertThat(to(out, "carol")).anySatisfy(l -> assertThat(l.get("text").asText())
                .contains("started *vpc-2*").contains("you're in"));
        assertThat(to(out, "carol")).anySatisfy(l -> assertThat(l.get("context").asText()).isEqualTo("You're a member."));
    }
}
