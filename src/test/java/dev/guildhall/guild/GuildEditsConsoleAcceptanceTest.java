package dev.guildhall.guild;

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

/** Issue 17's edits to guilds, through {@code console --script --json} as a lead would type them. */
class GuildEditsConsoleAcceptanceTest {
    /** Tuesday 1 December 2026, 09:00 UTC. */
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    private List<JsonNode> run(String... lines) throws Exception {
        return ConsoleRunner.run(dir, AdjustableClock.fixedAt(TUESDAY), lines);
    }

    private static final String[] GUILD = {
            "@alice #k8s /guild create k8s \"Kubernetes guild\" here --tz Europe/Berlin",
            "@bob /guild join k8s",
            "@carol /guild join k8s"};

    private static String[] with(String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(GUILD), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    @Test
    void movingAMeetupKeepsItsRsvpsAndTellsWhoIsGoing() throws Exception {
        // Given a meetup bob said he's going to, and carol said nothing
        List<JsonNode> out = run(with(
                "@alice /guild meetup k8s \"2026-12-03 16:00\" \"Operators\"",
                "@bob !press guild.going:1",
                // When alice moves it
                "@alice /guild meetup move 1 \"2026-12-10 17:30\"",
                "@alice /guild meetups k8s",
                // and a member tries the same
                "@carol /guild meetup move 1 \"2026-12-11 17:30\""));

        // Then alice hears the RSVPs stay and one person going was told
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).isEqualTo("🕒 Moved meetup #1 (*Operators*) to"
                + " Thu 10 Dec 2026, 17:30 (Europe/Berlin). Its RSVPs stay; 1 person going is told."));
        // and bob, who is going, is told the new time with the old one, with the RSVP buttons again
        JsonNode moved = ConsoleRunner.to(out, "bob").stream().filter(l -> l.get("text").asText().startsWith("🕒"))
                .findFirst().orElseThrow();
        assertThat(moved.get("text").asText()).contains("Thu 10 Dec 2026, 17:30").contains("was Thu 3 Dec 2026, 16:00");
        assertThat(ConsoleRunner.buttons(moved)).containsExactly("guild.going:1", "guild.notgoing:1");
        // and carol is not DMed about it, though the channel is told
        assertThat(textsTo(out, "carol")).noneMatch(t -> t.startsWith("🕒"));
        assertThat(textsIn(out, "k8s")).anySatisfy(t -> assertThat(t).startsWith("🕒 Moved: *Operators* is now Thu 10"));
        // and the meetup list shows the new time, still with bob going
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).contains("📅 Upcoming"));
        JsonNode list = ConsoleRunner.to(out, "alice").stream().filter(l -> l.get("text").asText()
                .startsWith("📅 Upcoming")).findFirst().orElseThrow();
        assertThat(list.toString()).contains("Thu 10 Dec 2026, 17:30").contains("1 going");
        // and only leads can move meetups
        assertThat(textsTo(out, "carol")).anySatisfy(t -> assertThat(t).startsWith("Only leads of *Kubernetes guild*"
                + " (k8s) can move meetups."));
    }

    @Test
    void retitlingAMeetupKeepsItsRsvpsAndTellsWhoIsGoing() throws Exception {
        List<JsonNode> out = run(with(
                "@alice /guild meetup k8s \"2026-12-03 16:00\" \"Operators\"",
                "@bob !press guild.going:1",
                "@alice /guild meetup retitle 1 \"Operators, part 1\"",
                "@alice /guild meetup retitle 1"));

        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).isEqualTo("✏️ Meetup #1 is now *Operators,"
                + " part 1*. Its RSVPs stay; 1 person going is told."));
        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).startsWith("✏️ *Operators* is now called"
                + " *Operators, part 1* — Thu 3 Dec 2026, 16:00"));
        assertThat(textsTo(out, "carol")).noneMatch(t -> t.startsWith("✏️"));
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).startsWith("Which meetup, and its new title?"));
    }

    @Test
    void cancellingTheSeriesWorksFromAnOccurrenceThatHasStarted() throws Exception {
        // Given a weekly meetup whose first occurrence has started (and planned the next one)
        List<JsonNode> out = run(with(
                "@alice /guild meetup k8s \"every thursday 10:00\" \"Office hours\"",
                "!advance 2d",
                // When alice cancels the series from the one under way
                "@alice /guild meetup cancel 1 --series",
                "@alice /guild meetups k8s",
                "@alice /guild meetup cancel 1 --series"));

        // Then the next one (#2, on the 10th) is cancelled and nothing more is planned
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).startsWith("Stopped the series *Office hours*:"
                + " cancelled #2 (Thu 10 Dec 2026, 10:00 (Europe/Berlin), 3 people told)"));
        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).startsWith("❌ Cancelled: *Office hours* — Thu 10"));
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).startsWith("No meetups planned in"));
        // and once stopped, a second try says so and changes nothing
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).contains("has nothing ahead to cancel"));
        assertThat(textsTo(out, "alice")).noneMatch(t -> t.contains("nothing to cancel") && t.contains("started"));
    }

    @Test
    void aSpeakerWhoseTalkIsScheduledCountsAsGoingAndCannotProposeTheSameTalkTwice() throws Exception {
        List<JsonNode> out = run(with(
                "@alice /guild meetup k8s \"2026-12-03 16:00\" \"Operators\"",
                "@bob /guild propose k8s \"Operators in 20 minutes\"",
                "@bob /guild propose k8s \"operators in 20 minutes\"",
                "@alice /guild schedule 1 1",
                "@bob /guild propose k8s \"Operators in 20 minutes\"",
                "@alice /guild meetups k8s"));

        List<String> bob = textsTo(out, "bob");
        assertThat(bob.stream().filter(t -> t.startsWith("You've offered *Operators in 20 minutes* to *Kubernetes"
                + " guild* (k8s) already"))).hasSize(2);
        assertThat(bob).anySatisfy(t -> assertThat(t).contains("(proposal #1, in meetup #1)"));
        JsonNode list = ConsoleRunner.to(out, "alice").stream().filter(l -> l.get("text").asText()
                .startsWith("📅 Upcoming")).findFirst().orElseThrow();
        assertThat(list.toString()).contains("✅ 1 going, ❌ 0 not going");
    }

    @Test
    void joiningAGuildShowsItsUpcomingMeetupsWithRsvpButtons() throws Exception {
        List<JsonNode> out = run(with(
                "@alice /guild meetup k8s \"2026-12-03 16:00\" \"Operators\"",
                "@dave /guild join k8s"));

        List<JsonNode> dave = ConsoleRunner.to(out, "dave");
        assertThat(dave.get(0).get("text").asText()).startsWith("👋 Welcome to *Kubernetes guild* (k8s)!");
        assertThat(dave.get(1).get("text").asText()).startsWith("📅 Coming up: *Operators* — Kubernetes guild meetup,"
                + " Thu 3 Dec 2026, 16:00 (Europe/Berlin)");
        assertThat(ConsoleRunner.buttons(dave.get(1))).containsExactly("guild.going:1", "guild.notgoing:1");
    }

    @Test
    void modulesCanBeDisownedAndRemovedByALead() throws Exception {
        List<JsonNode> out = run(with(
                "@alice /guild module add k8s \"Operators\"",
                "@bob /guild module own k8s \"Operators\"",
                "@carol /guild module own k8s \"Operators\"",
                "@bob /guild module disown k8s \"Operators\"",
                "@bob /guild module disown k8s \"Operators\"",
                "@carol /guild module remove k8s \"Operators\"",
                "@alice /guild module remove k8s \"Operators\"",
                "@alice /guild modules k8s"));

        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).isEqualTo("📚 You no longer own *Operators* in"
                + " *Kubernetes guild* (k8s). It has 1 owner now; its other owners are told."));
        assertThat(textsTo(out, "carol")).anySatisfy(t -> assertThat(t).startsWith("📚 bob no longer owns *Operators*"
                + " in *Kubernetes guild* (k8s) (stepped back from it). It has 1 owner now — a bus-factor risk."));
        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).startsWith("You don't own *Operators*"));
        assertThat(textsTo(out, "carol")).anySatisfy(t -> assertThat(t).startsWith("Only leads of *Kubernetes guild*"
                + " (k8s) can remove modules."));
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).isEqualTo("📚 Removed *Operators* from"
                + " *Kubernetes guild* (k8s)'s syllabus; its owner is told."));
        assertThat(textsTo(out, "carol")).anySatisfy(t -> assertThat(t).startsWith("📚 alice took *Operators* off the"
                + " syllabus"));
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).contains("has no syllabus yet"));
    }

    @Test
    void aMemberWhoLeavesStopsOwningModulesAndLeavesTheGuildsWorkingGroups() throws Exception {
        List<JsonNode> out = run(with(
                "@alice /guild module add k8s \"Operators\"",
                "@bob /guild module own k8s \"Operators\"",
                "@alice #vpc /wg create vpc --guild k8s \"VPC peering\" --channel here --size 1",
                "@bob /wg join vpc",
                "@carol /wg join vpc",
                "@bob /guild leave k8s",
                "@alice /guild modules k8s",
                "@alice /wg info vpc"));

        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).isEqualTo("You left *Kubernetes guild* (k8s)."
                + " /guild join k8s brings you back any time. You no longer own *Operators*; the other owners or the"
                + " leads are told. You also left its working group *vpc*."));
        // the lead hears first, since bob was the module's only owner
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).startsWith("📚 bob no longer owns *Operators*"
                + " in *Kubernetes guild* (k8s) (left the guild). It has no owner now"));
        // carol moves in from the waitlist
        assertThat(textsTo(out, "carol")).anySatisfy(t -> assertThat(t).startsWith("🎉 A place opened in *vpc*"));
        assertThat(textsTo(out, "alice")).anySatisfy(t -> assertThat(t).contains("Operators").contains("no owner"));
    }

    @Test
    void anOwnerLeavingTheGuildIsAskedToHandTheGroupOverFirst() throws Exception {
        List<JsonNode> out = run(with(
                "@bob #vpc /wg create vpc --guild k8s \"VPC peering\" --channel here",
                "@bob /guild leave k8s",
                "@bob /guild info k8s"));

        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).startsWith("You own the working group *vpc* of"
                + " *Kubernetes guild* (k8s), so you can't leave the guild yet. Hand the group to a member first"
                + " (/wg handover vpc @person)"));
        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).contains("You're a member."));
    }

    @Test
    void removingALeadTellsTheRemovedLead() throws Exception {
        List<JsonNode> out = run(with(
                "@alice /guild lead add k8s @bob",
                "@alice /guild lead remove k8s @bob"));

        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).startsWith("🏛 alice made you a member of"
                + " *Kubernetes guild* (k8s) again, no longer a lead."));
    }
}
