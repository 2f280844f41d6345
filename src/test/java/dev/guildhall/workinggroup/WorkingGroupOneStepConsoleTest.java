package dev.guildhall.workinggroup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.guildhall.testing.ConsoleRunner.textsIn;
import static dev.guildhall.testing.ConsoleRunner.textsTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: handing a group over, joining group and guild in one step, and the waitlist's word on sharing. */
class WorkingGroupOneStepConsoleTest {
    @TempDir
    Path dir;

    private List<JsonNode> run(String... lines) throws Exception {
        return ConsoleRunner.run(dir, AdjustableClock.fixedAt(Instant.parse("2026-12-01T09:00:00Z")), lines);
    }

    @Test
    void anOwnerHandsTheGroupToAMemberAndCanThenLeaveIt() throws Exception {
        List<JsonNode> out = run(
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@bob /guild join platform",
                "@carol /guild join platform",
                "@alice #vpc /wg create vpc --guild platform \"VPC peering\" --channel here",
                "@bob /wg join vpc",
                "@alice /wg leave vpc",
                "@alice /wg handover vpc @carol",
                "@bob /wg handover vpc @bob",
                "@alice /wg handover vpc @bob",
                "@alice /wg leave vpc",
                "@bob /wg info vpc");

        List<String> alice = textsTo(out, "alice");
        assertThat(alice).anySatisfy(t -> assertThat(t).startsWith("You own *vpc*, so you can't leave it yet. Hand it"
                + " to a member first (/wg handover vpc @person)"));
        assertThat(alice).anySatisfy(t -> assertThat(t).startsWith("carol isn't a member of *vpc*, and only a member"
                + " can own it."));
        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).isEqualTo("Only the owner of *vpc* (alice) can"
                + " hand it over."));
        assertThat(alice).anySatisfy(t -> assertThat(t).isEqualTo("🧭 bob owns *vpc* now, and has been told. You're"
                + " still a member: /wg leave vpc leaves."));
        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).startsWith("🧭 alice handed *vpc* to you: you own"
                + " it now."));
        assertThat(textsIn(out, "vpc")).anySatisfy(t -> assertThat(t).isEqualTo("🧭 bob now owns *vpc*, taking over"
                + " from alice."));
        assertThat(alice).anySatisfy(t -> assertThat(t).startsWith("You left *vpc*."));
        JsonNode info = ConsoleRunner.to(out, "bob").get(ConsoleRunner.to(out, "bob").size() - 1);
        assertThat(info.toString()).contains("\"Owner\"").contains("bob");
    }

    @Test
    void joiningAGroupOfAGuildOneIsNotInJoinsBothAndShowsTheGuildsMeetups() throws Exception {
        List<JsonNode> out = run(
                "@alice #platform /guild create platform \"Platform guild\" here --tz Europe/Berlin",
                "@alice /guild meetup platform \"2026-12-03 16:00\" \"Platform sync\"",
                "@alice #vpc /wg create vpc --guild platform \"VPC peering\" --channel here",
                "@dave /wg join vpc",
                "@dave /guild info platform");

        List<JsonNode> dave = ConsoleRunner.to(out, "dave");
        assertThat(dave.get(0).get("text").asText()).startsWith("👋 Welcome to *vpc*: VPC peering");
        assertThat(dave.get(1).get("text").asText()).isEqualTo("🏛 *vpc* is part of the guild *Platform guild*"
                + " (platform), which you weren't in yet — so you've joined the guild too.");
        assertThat(dave.get(2).get("text").asText()).startsWith("👋 Welcome to *Platform guild* (platform)!");
        assertThat(dave.get(3).get("text").asText()).startsWith("📅 Coming up: *Platform sync*");
        assertThat(ConsoleRunner.buttons(dave.get(3))).containsExactly("guild.going:1", "guild.notgoing:1");
        assertThat(textsTo(out, "dave")).anySatisfy(t -> assertThat(t).contains("You're a member."));
    }

    @Test
    void someoneOnTheWaitlistWhoTriesToShareIsToldTheyAreWaitlisted() throws Exception {
        List<JsonNode> out = run(
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@bob /guild join platform",
                "@carol /guild join platform",
                "@alice #vpc /wg create vpc --guild platform \"VPC peering\" --channel here --size 1",
                "@bob /wg join vpc",
                "@carol /wg join vpc",
                "@carol /wg share vpc \"Peering works\"");

        assertThat(textsTo(out, "carol")).anySatisfy(t -> assertThat(t).isEqualTo("You're on the waitlist of *vpc*,"
                + " not in it yet, so you can't share its results for now. I'll tell you as soon as a place frees up and"
                + " you're in."));
        assertThat(textsIn(out, "platform")).noneMatch(t -> t.contains("Peering works"));
    }

    @Test
    void anAnswerAfterTheDigestWentOutGoesIntoTheNextDigest() throws Exception {
        List<JsonNode> out = run(
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@bob /guild join platform",
                "@alice #vpc /wg create vpc --guild platform \"VPC peering\" --channel here",
                "@bob /wg join vpc",
                "@alice /wg checkin vpc \"What did you try?\" every tuesday 10:00",
                "!advance 1h",
                "!advance 25h",
                // the digest of 1 December has gone out; bob answers late
                "@bob /wg answer vpc Peering works in staging",
                "!advance 7d",
                "!advance 1d");

        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).isEqualTo("🗓 Thanks! This week's digest has"
                + " gone out already, so your answer goes into the next one (2026-12-08). I won't ask you again for"
                + " that one."));
        assertThat(textsIn(out, "vpc")).anySatisfy(t -> assertThat(t).startsWith("🗓 Check-in digest of *vpc*"
                + " (2026-12-08): *What did you try?*\n• bob: Peering works in staging"));
        assertThat(textsTo(out, "bob").stream().filter(t -> t.startsWith("🗓 Check-in for *vpc*"))).hasSize(1);
    }

    @Test
    void aGroupSplitOffInheritsTheCheckIn() throws Exception {
        AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-12-01T09:00:00Z"));
        List<JsonNode> before = ConsoleRunner.run(dir, clock,
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@bob /guild join platform",
                "@carol /guild join platform",
                "@alice #vpc /wg create vpc --guild platform \"VPC peering\" --channel here --size 1",
                "@alice /wg checkin vpc \"What did you try?\" every friday 10:00",
                "@bob /wg join vpc",
                "@carol /wg join vpc");
        String split = ConsoleRunner.to(before, "alice").stream().flatMap(l -> ConsoleRunner.buttons(l).stream())
                .filter(id -> id.startsWith("wg.split:")).findFirst().orElseThrow();

        List<JsonNode> out = ConsoleRunner.run(dir, clock, "@alice !press " + split, "@carol /wg info vpc-2");

        JsonNode info = ConsoleRunner.to(out, "carol").get(ConsoleRunner.to(out, "carol").size() - 1);
        assertThat(info.toString()).contains("\"Check-in\"").contains("every friday 10:00 (local): \\\"What did"
                + " you try?\\\"");
    }
}
