package dev.guildhall.workinggroup;

import dev.guildhall.console.ConsoleMentions;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Working groups on the whole bot with a recording chat; the clock starts on Monday 2 March 2026, 09:00 UTC. */
class WorkingGroupTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot();

    @BeforeEach
    void start() {
        t.zone("bob", "America/New_York");
        t.zone("carol", "Europe/Berlin");
        t.sayIn("alice", "platform", "/guild create platform \"Platform guild\" here");
        for (String name : List.of("bob", "carol", "dave")) {
            t.say(name, "/guild join platform");
        }
    }

    private String createVpc(String extra) {
        return t.say("alice", "/wg create vpc --guild platform \"VPC peering for everyone\"" + extra);
    }

    private List<RecordingChatPort.Sent> postsIn(String channel) {
        return t.chat.sent().stream().filter(s -> s.kind().equals("post") && s.target().equals("console:" + channel))
                .toList();
    }

    private List<RecordingChatPort.Sent> dmsTo(String name) {
        return t.chat.directTo(BotExtension.id(name));
    }

    private String last(List<RecordingChatPort.Sent> sent) {
        return sent.get(sent.size() - 1).message().text();
    }

    private String withoutRunningDue(String name, String text) {
        return t.bot().handle(Inbound.of(new Command(t.person(name), Optional.empty(), "wg", text))).reply().messages().stream()
                .map(m -> m.text() + m.fields().stream().map(f -> "\n" + f.label() + ": " + f.value())
                        .reduce("", String::concat))
                .reduce("", String::concat);
    }

    private String sql(String query) {
        return t.bot().database().read(h -> h.createQuery(query).mapTo(String.class).one());
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "join", "leave", "list", "info", "extend", "checkin", "answer", "share", "close"})
    void everySubcommandAnswersHelp(String subcommand) {
        assertThat(t.say("alice", "/wg " + subcommand + " help")).startsWith("/wg " + subcommand);
        assertThat(t.say("alice", "/wg " + subcommand + " vpc help")).startsWith("/wg " + subcommand);
    }

    @Test
    void badInputSaysWhatToTypeAndChangesNothing() {
        assertThat(t.say("alice", "/wg")).contains("What would you like to do?");
        assertThat(t.say("alice", "/wg craete vpc")).contains("Did you mean /wg create?");
        assertThat(t.say("alice", "/wg create vpc \"Charter\"")).contains("Add --guild <guild>");
        assertThat(t.say("alice", "/wg create vpc --guild nope \"Charter\"")).contains("no guild called \"nope\"");
        assertThat(t.say("alice", "/wg create Bad! --guild platform \"Charter\"")).contains("can't be a working group's");
        assertThat(t.say("alice", "/wg create vpc --guild platform VPC peering for all")).contains("goes in quotes");
        assertThat(t.say("alice", "/wg create vpc --guild platform \"x\" --size 0")).contains("--size takes");
        assertThat(t.say("alice", "/wg create vpc --guild platform \"x\" --until 2026-02-01")).contains("isn't ahead");
        assertThat(t.say("alice", "/wg create vpc --guild platform \"x\" --until soon")).contains("2027-01-31");
        assertThat(t.say("alice", "/wg create vpc --guild platform \"x\" --colour red")).contains("--colour");
        assertThat(t.say("erin", "/wg create vpc --guild platform \"x\"")).contains("join *Platform guild*");
        assertThat(t.say("bob", "/wg join vpc")).contains("no working group called");
        assertThat(t.count("working_group")).isZero();
        assertThat(t.count("outbox WHERE kind = 'CHANNEL'")).isZero();
    }

    @Test
    void createMakesTheChannelAfterTheCommitAndTellsTheOwnerAndTheGuild() {
        String reply = createVpc(" --size 3");

        assertThat(reply).contains("Setting up working group *vpc*").contains("#wg-vpc");
        assertThat(sql("SELECT status || ' ' || channel_id FROM working_group")).isEqualTo("ACTIVE console:wg-vpc");
        assertThat(last(dmsTo("alice"))).contains("*vpc* is ready").contains("#wg-vpc");
        assertThat(postsIn("wg-vpc")).anySatisfy(s -> assertThat(s.message().text()).contains("VPC peering for everyone"));
        assertThat(postsIn("platform")).anySatisfy(s -> assertThat(s.message().text())
                .contains("New working group *vpc*").contains("/wg join vpc"));
        assertThat(t.say("bob", "/wg list")).contains("vpc (guild platform)").contains("0/3");
    }

    @Test
    void whileItsChannelIsOnItsWayTheGroupTakesNobodyAndItsNameIsTaken() {
        // The command commits before the channel exists: nothing has run the outbox yet
        t.bot().handle(Inbound.of(new Command(t.person("alice"), Optional.empty(), "wg",
                "create vpc --guild platform \"VPC peering\""))).reply();
        assertThat(sql("SELECT status FROM working_group")).isEqualTo("PENDING");
        assertThat(t.count("outbox WHERE kind = 'CHANNEL' AND status = 'PENDING'")).isEqualTo(1);

        assertThat(withoutRunningDue("bob", "join vpc")).contains("still being set up");
        assertThat(withoutRunningDue("bob", "list")).contains("being set up");
        assertThat(withoutRunningDue("carol", "create vpc --guild platform \"Other\"")).contains("open working group"
                + " called vpc already");
        assertThat(sql("SELECT COUNT(*) FROM wg_member")).isEqualTo("1");

        // When the outbox has run (and the follow-up it makes due), the group is there
        t.bot().runDue();
        assertThat(sql("SELECT status FROM working_group")).isEqualTo("ACTIVE");
        assertThat(t.say("bob", "/wg join vpc")).contains("Welcome to *vpc*");
    }

    @Test
    void theHomePageListsTheGroupsSomeoneIsInOrWaitingFor() {
        createVpc(" --size 1");
        t.say("bob", "/wg join vpc");
        t.say("carol", "/wg join vpc");

        assertThat(t.bot().home(BotExtension.id("alice"))).map(ConsoleMentions::render)
                .anySatisfy(m -> assertThat(m.fields()).singleElement()
                .satisfies(f -> assertThat(f.value()).contains("you own it").contains("#wg-vpc")));
        assertThat(t.bot().home(BotExtension.id("carol"))).anySatisfy(m -> assertThat(m.fields()).anySatisfy(
                f -> assertThat(f.value()).contains("you're on the waitlist")));
        assertThat(t.bot().home(BotExtension.id("dave"))).noneMatch(m -> m.text().contains("Your working groups"));
    }

    @Test
    void aLinkedChannelIsUsedAsItIsAndNeverArchived() {
        String reply = t.sayIn("alice", "vpc-talk", "/wg create vpc --guild platform \"VPC\" --channel here");

        assertThat(reply).contains("It talks in #vpc-talk");
        assertThat(t.count("outbox WHERE kind = 'CHANNEL'")).isZero();
        t.say("alice", "/wg close vpc \"done\"");
        assertThat(t.count("outbox WHERE kind = 'ARCHIVE'")).isZero();
        assertThat(t.say("alice", "/wg info vpc")).contains("Closed — summary: done");
    }

    @Test
    void leavingFreesAPlaceForTheFirstOnTheWaitlist() {
        createVpc(" --size 1");
        t.say("bob", "/wg join vpc");
        assertThat(t.say("carol", "/wg join vpc")).contains("number 1 on its waitlist");
        assertThat(t.say("dave", "/wg join vpc")).contains("number 2 on its waitlist");
        assertThat(t.say("alice", "/wg leave vpc")).contains("You own *vpc*");

        assertThat(t.say("bob", "/wg leave vpc")).contains("You left *vpc*");

        assertThat(last(dmsTo("carol"))).contains("A place opened in *vpc* — you're in!");
        assertThat(sql("SELECT state FROM wg_member WHERE person_id = 'console:carol'")).isEqualTo("MEMBER");
        assertThat(t.say("dave", "/wg info vpc")).contains("Waitlist: dave");
    }

    @Test
    void aWeeklyCheckInAsksEachMemberAtTheirOwnTimeAndPostsOneDigest() {
        createVpc("");
        t.say("bob", "/wg join vpc");
        t.say("carol", "/wg join vpc");

        // Monday 09:00 UTC: next is Tuesday 10:00 local — carol (Berlin) 09:00 UTC, alice (UTC) 10:00, bob (NY) 15:00
        assertThat(t.say("alice", "/wg checkin vpc \"What did you try this week?\" every tuesday 10:00"))
                .contains("every tuesday 10:00");
        assertThat(sql("SELECT occurs_on FROM wg_checkin_round")).isEqualTo("2026-03-03");
        t.advance(Duration.ofHours(24));
        assertThat(last(dmsTo("carol"))).contains("Check-in for *vpc*: What did you try this week?");
        assertThat(dmsTo("bob")).noneMatch(s -> s.mentions("Check-in"));
        t.advance(Duration.ofHours(6));
        RecordingChatPort.Sent bobAsked = dmsTo("bob").get(dmsTo("bob").size() - 1);
        assertThat(bobAsked.message().text()).contains("Check-in for *vpc*");
        assertThat(t.clock.instant()).isEqualTo(Instant.parse("2026-03-03T15:00:00Z"));

        assertThat(t.say("carol", "/wg answer vpc Tried peering between two VPCs")).contains("Thanks");
        assertThat(t.say("dave", "/wg answer vpc hello")).contains("waiting for your answer");
        t.press("bob", bobAsked.message().buttons().get(0).actionId());
        assertThat(postsIn("wg-vpc")).noneMatch(s -> s.mentions("Check-in digest"));

        // A day after the last was asked, the digest goes to the channel, with who didn't answer
        t.advance(Duration.ofHours(24));
        RecordingChatPort.Sent digest = postsIn("wg-vpc").stream().filter(s -> s.mentions("Check-in digest"))
                .findFirst().orElseThrow();
        assertThat(digest.message().text()).contains("*What did you try this week?*")
                .contains("• carol: Tried peering between two VPCs").contains("• bob: nothing new this week");
        assertThat(digest.message().context()).isEqualTo("No answer from alice.");
        // and an answer after it goes into next week's digest instead of being refused
        assertThat(t.say("alice", "/wg answer vpc late")).contains("goes into the next one (2026-03-10)");
        // and next week's round is planned
        assertThat(sql("SELECT occurs_on FROM wg_checkin_round ORDER BY id DESC LIMIT 1")).isEqualTo("2026-03-10");
    }

    @Test
    void afterALongStopTheNextRoundSkipsTheWeeksAlreadyGone() {
        createVpc("");
        t.say("alice", "/wg checkin vpc \"Blockers?\" every tuesday 10:00");
        t.clock.advance(Duration.ofDays(30));

        t.bot().runDue();

        // The missed round's digest went out late, and the next round is the coming Tuesday, not one long gone
        assertThat(sql("SELECT occurs_on FROM wg_checkin_round ORDER BY id DESC LIMIT 1")).isEqualTo("2026-04-07");
    }

    @Test
    void whenEveryoneHasAnsweredTheDigestGoesAtOnce() {
        createVpc("");
        t.say("bob", "/wg join vpc");
        t.say("alice", "/wg checkin vpc \"Blockers?\" every tue 4pm");
        t.advance(Duration.ofDays(2));

        t.say("alice", "/wg answer vpc none");
        assertThat(t.say("bob", "/wg answer vpc \"waiting on IAM\"")).contains("Everyone has answered");

        assertThat(postsIn("wg-vpc")).filteredOn(s -> s.mentions("Check-in digest")).singleElement()
                .satisfies(s -> assertThat(s.message().text()).contains("alice: none").contains("bob: waiting on IAM"));
        assertThat(t.say("alice", "/wg checkin vpc off")).contains("stopped");
        assertThat(t.say("alice", "/wg info vpc")).doesNotContain("Check-in:");
    }

    @Test
    void sharedResultsGoToTheGuildChannelAndIntoItsWeeklyDigestForMembersWhoOptedIn() {
        createVpc("");
        t.say("bob", "/wg join vpc");
        t.say("dave", "/guild notify platform off");
        assertThat(t.say("carol", "/wg share vpc \"not a member\"")).contains("Only members of *vpc*");

        assertThat(t.say("bob", "/wg share vpc \"Peering works across regions\"")).contains("posted in #platform");
        assertThat(sql("SELECT due_at FROM scheduled_task WHERE kind = 'wg.digest'"))
                .isEqualTo(String.valueOf(Instant.parse("2026-03-09T09:00:00Z").toEpochMilli()));

        assertThat(last(postsIn("platform"))).isEqualTo("📦 From working group *vpc*: Peering works across regions");
        t.advance(Duration.ofDays(7));
        assertThat(last(dmsTo("carol"))).contains("This week from the working groups of *Platform guild*")
                .contains("*vpc* — Peering works across regions (bob)");
        assertThat(dmsTo("dave")).noneMatch(s -> s.mentions("This week from"));
        assertThat(t.count("wg_result WHERE digested_at IS NULL")).isZero();
    }

    @Test
    void aGroupPastItsEndDateNudgesItsOwnerWhoCanExtendIt() {
        createVpc(" --until 2026-03-10");
        t.advance(Duration.ofDays(8));
        assertThat(dmsTo("alice")).noneMatch(s -> s.mentions("meant to finish"));

        t.advance(Duration.ofDays(1));

        RecordingChatPort.Sent nudge = last2(dmsTo("alice"));
        assertThat(nudge.message().text()).contains("meant to finish by 2026-03-10").contains("/wg close vpc")
                .contains("/wg extend vpc");
        assertThat(t.press("bob", nudge.message().buttons().get(0).actionId())).contains("Only the owner");
        assertThat(t.press("alice", nudge.message().buttons().get(0).actionId())).contains("2026-03-25");
        assertThat(t.say("alice", "/wg extend vpc 2026-04-30")).contains("2026-04-30");
        assertThat(sql("SELECT ends_on FROM working_group")).isEqualTo("2026-04-30");
    }

    private static RecordingChatPort.Sent last2(List<RecordingChatPort.Sent> sent) {
        return sent.get(sent.size() - 1);
    }
}
