package dev.guildhall.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The core reads mention tokens (made by adapters) and plain @name / #name text, and no platform's markup. */
class MentionsTest {
    private static final PersonId SLACK_CALLER = new PersonId("slack:T1:U9");
    private static final PersonId TEAMS_CALLER = new PersonId("teams:tenant-1:aad-9");
    private static final PersonId CONSOLE_CALLER = new PersonId("console:alice");
    private static final String BOB = new Mentions.PersonToken(new PersonId("slack:T1:U123"), "bob").text();

    @Test
    void aPersonTokenIsThatPersonShownByItsLabel() {
        assertThat(BOB).isEqualTo("\u27E6@slack:T1:U123|bob\u27E7");
        assertThat(Mentions.person(SLACK_CALLER, BOB))
                .contains(new Mentions.ById(new PersonId("slack:T1:U123"), "@bob"));
        assertThat(Mentions.person(SLACK_CALLER, "\u27E6@slack:T1:U123|\u27E7"))
                .contains(new Mentions.ById(new PersonId("slack:T1:U123"), "@U123"));
    }

    @Test
    void aTokenFromAnotherWorkspaceOrPlatformNamesNobody() {
        assertThat(Mentions.person(new PersonId("slack:T2:U9"), BOB)).isEmpty();
        assertThat(Mentions.person(TEAMS_CALLER, BOB)).isEmpty();
    }

    @Test
    void platformMarkupIsNotTheCoresToRead() {
        assertThat(Mentions.person(SLACK_CALLER, "<@U123|bob>")).isEmpty();
        assertThat(Mentions.channel(SLACK_CALLER, "<#C42|general>")).isEmpty();
    }

    @Test
    void plainNamesOnSlackAndTeamsAreLookedUpByName() {
        assertThat(Mentions.person(SLACK_CALLER, "@bob"))
                .contains(new Mentions.ByName("slack:T1", "bob", "@bob"));
        assertThat(Mentions.person(TEAMS_CALLER, "@Bob Smith"))
                .contains(new Mentions.ByName("teams:tenant-1", "Bob Smith", "@Bob Smith"));
    }

    @Test
    void onTheConsoleANameIsTheId() {
        assertThat(Mentions.person(CONSOLE_CALLER, "@bob"))
                .contains(new Mentions.ById(new PersonId("console:bob"), "@bob"));
    }

    @Test
    void notAMention() {
        assertThat(Mentions.person(CONSOLE_CALLER, "bob")).isEmpty();
        assertThat(Mentions.person(CONSOLE_CALLER, "")).isEmpty();
    }

    @Test
    void channelsFromTokensOrConsoleNames() {
        String general = new Mentions.ChannelToken(new ChannelId("slack:T1:C42"), "general").text();
        assertThat(Mentions.channel(SLACK_CALLER, general)).contains(new ChannelId("slack:T1:C42"));
        assertThat(Mentions.channel(new PersonId("slack:T2:U9"), general)).isEmpty();
        assertThat(Mentions.channel(CONSOLE_CALLER, "#k8s-guild")).contains(new ChannelId("console:k8s-guild"));
        assertThat(Mentions.channel(SLACK_CALLER, "#general")).isEmpty();
        assertThat(Mentions.looksLikeChannel(general)).isTrue();
    }

    @Test
    void typedTextCannotCarryATokenAndRenderingReplacesOnlyTokens() {
        assertThat(Mentions.person(SLACK_CALLER, Mentions.inert(BOB))).isEmpty();
        assertThat(Mentions.render("ask " + BOB + " <b>", person -> "<@" + person.label() + ">", channel -> "#"))
                .isEqualTo("ask <@bob> <b>");
    }
}
