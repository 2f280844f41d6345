package dev.guildhall.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTest {
    private static final PersonId SLACK_CALLER = new PersonId("slack:T1:U9");
    private static final PersonId TEAMS_CALLER = new PersonId("teams:tenant-1:aad-9");
    private static final PersonId CONSOLE_CALLER = new PersonId("console:alice");

    @Test
    void slackMentionsBecomeIdsInTheCallersWorkspace() {
        assertThat(Mentions.person(SLACK_CALLER, "<@U123|bob>"))
                .contains(new Mentions.ById(new PersonId("slack:T1:U123"), "@bob"));
        assertThat(Mentions.person(SLACK_CALLER, "<@U123>"))
                .contains(new Mentions.ById(new PersonId("slack:T1:U123"), "@U123"));
    }

    @Test
    void plainNamesOnSlackAndTeamsAreLookedUpByName() {
        assertThat(Mentions.person(SLACK_CALLER, "@bob"))
                .contains(new Mentions.ByName("slack:T1", "bob", "@bob"));
        assertThat(Mentions.person(TEAMS_CALLER, "<at>Bob Smith</at>"))
                .contains(new Mentions.ByName("teams:tenant-1", "Bob Smith", "@Bob Smith"));
    }

    @Test
    void consoleNamesAreConsoleIds() {
        assertThat(Mentions.person(CONSOLE_CALLER, "@bob"))
                .contains(new Mentions.ById(new PersonId("console:bob"), "@bob"));
    }

    @Test
    void aSlackIdFromAnotherPlatformOrNoMentionAtAllIsNothing() {
        assertThat(Mentions.person(TEAMS_CALLER, "<@U123>")).isEmpty();
        assertThat(Mentions.person(CONSOLE_CALLER, "bob")).isEmpty();
        assertThat(Mentions.person(CONSOLE_CALLER, "")).isEmpty();
    }

    @Test
    void channels() {
        assertThat(Mentions.channel(SLACK_CALLER, "<#C42|general>")).contains(new ChannelId("slack:T1:C42"));
        assertThat(Mentions.channel(CONSOLE_CALLER, "#k8s-guild")).contains(new ChannelId("console:k8s-guild"));
        assertThat(Mentions.channel(SLACK_CALLER, "#general")).isEmpty();
    }
}
