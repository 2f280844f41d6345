package dev.guildhall.guild;

import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class GuildMembershipTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().startingAt(BotExtension.LATE_NOVEMBER).unstarted();

    @BeforeEach
    void start() {
    }

    @Test
    void aLeadCreatesAGuildAndPeopleJoin() {
        // Given / When
        String created = t.say("alice", "/guild create k8s \"Kubernetes guild\" #k8s");
        t.say("bob", "/guild join k8s");
        t.say("carol", "/guild join k8s");

        // Then
        assertThat(created).contains("Created *Kubernetes guild* (k8s)").contains("you're its lead").contains("#k8s");
        assertThat(t.say("dave", "/guild list")).contains("Kubernetes guild (k8s): 3 members");
        assertThat(t.say("bob", "/guild info k8s")).contains("Leads: alice").contains("Members: 3")
                .contains("Channel: #k8s");
        assertThat(t.say("bob", "/guild members k8s")).contains("• alice (lead)").contains("• bob").contains("• carol");
    }

    @Test
    void badInputIsExplainedAndChangesNothing() {
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");

        assertThat(t.say("bob", "/guild create k8s Another")).contains("There is a guild called k8s already");
        assertThat(t.say("bob", "/guild create Bad_Slug x")).contains("can't be a guild's short name");
        assertThat(t.say("bob", "/guild create web Web guild")).contains("goes in quotes");
        assertThat(t.say("bob", "/guild create web #web")).contains("Give the guild a name too");
        assertThat(t.say("bob", "/guild join nope")).contains("There is no guild called \"nope\"");
        assertThat(t.say("bob", "/guild jion k8s")).contains("Did you mean /guild join?");
        assertThat(t.say("bob", "/guild")).contains("/guild create");
        assertThat(t.say("bob", "/guild join help")).isEqualTo(MembershipCommands.JOIN);
        assertThat(t.say("bob", "/guild lead add help")).isEqualTo(MembershipCommands.LEAD);
        assertThat(t.say("bob", "/guild meetup cancel help")).startsWith(MeetupCommands.MEETUP);
        assertThat(t.say("bob", "/guild create help \"Help guild\"")).contains("\"help\" is kept");
        assertThat(t.say("bob", "/guild list")).contains("1 member");
    }

    @Test
    void onlyLeadsManageLeadsAndAGuildKeepsOne() {
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");
        t.say("bob", "/guild join k8s");

        assertThat(t.say("bob", "/guild lead add k8s @bob")).contains("Only leads of *Kubernetes guild* (k8s) can add"
                + " leads").contains("alice");
        assertThat(t.say("alice", "/guild leave k8s")).contains("only lead");
        assertThat(t.say("alice", "/guild lead remove k8s @alice")).contains("only lead");
        assertThat(t.say("alice", "/guild lead add k8s @zed")).contains("I don't know @zed yet")
                .contains("say hi to Guildhall first");

        assertThat(t.say("alice", "/guild lead add k8s @bob")).contains("bob is now a lead");
        assertThat(t.chat.to("console:bob")).anySatisfy(m -> assertThat(m.text()).contains("made you a lead"));
        assertThat(t.say("alice", "/guild leave k8s")).contains("You left");
        assertThat(t.say("bob", "/guild info k8s")).contains("Leads: bob").contains("Members: 1");
    }

    @Test
    void leadsLinkAChannelAndSetTheGuildsZone() {
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");
        t.say("bob", "/guild join k8s");

        assertThat(t.say("bob", "/guild zone k8s Europe/Berlin")).contains("Only leads");
        assertThat(t.say("alice", "/guild zone k8s Moon/Base")).contains("is not a time zone I know");
        assertThat(t.say("alice", "/guild zone k8s Europe/Berlin")).contains("plans meetups in Europe/Berlin");
        assertThat(t.say("alice", "/guild channel k8s general")).contains("I can't tell which channel general is");
        assertThat(t.say("alice", "/guild channel k8s here")).contains("this is a direct message");
        assertThat(t.sayIn("alice", "k8s-chat", "/guild channel k8s here")).contains("now posts in #k8s-chat");
        assertThat(t.say("alice", "/guild channel k8s #kube")).contains("now posts in #kube");

        assertThat(t.say("bob", "/guild info k8s")).contains("Channel: #kube").contains("Time zone: Europe/Berlin");
        // the guild's zone wins over the lead's unknown one
        assertThat(t.say("alice", "/guild meetup k8s \"2026-12-03 16:00\" \"Talk\""))
                .contains("Thu 3 Dec 2026, 16:00 (Europe/Berlin)");
        assertThat(t.say("bob", "/guild info k8s")).contains("Next meetup: Talk — Thu 3 Dec 2026, 16:00 (Europe/Berlin)");
    }

    @Test
    void membersChooseWhetherToGetDms() {
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");
        assertThat(t.say("bob", "/guild notify k8s off")).contains("You're not in");
        t.say("bob", "/guild join k8s");

        assertThat(t.say("bob", "/guild notify k8s off")).contains("No more DMs");
        assertThat(t.say("bob", "/guild notify k8s off")).contains("already off");
        assertThat(t.say("bob", "/guild notify k8s maybe")).contains("on|off");
        assertThat(t.say("bob", "/guild notify k8s on")).contains("You'll get");
    }
}
