package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.guildhall.teams.Activities.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 on Teams: a session started without a threshold nudges its presenter when 10 % of the channel's roster
 * are lost — the roster counted page by page through the connector after the command committed.
 */
class TeamsSessionThresholdTest {
    private static final TeamsConfig DEV = new TeamsConfig("", "", Optional.empty(), true);
    private static final String NUDGES = "SELECT COUNT(*) FROM outbox WHERE kind = 'DIRECT' AND payload LIKE '%✋ WAIT%'";

    @TempDir
    Path dir;
    TeamsTestBot bot;
    FakeConnector connector;

    @BeforeEach
    void start() throws Exception {
        bot = new TeamsTestBot(dir, DEV, List.of());
        connector = bot.connector;
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    /** A roster of {@code size} people in the channel: more than one page of the paged members call. */
    private void rosterOf(int size) {
        connector.roster(CHANNEL, IntStream.rangeClosed(1, size).mapToObj(i -> "29:teams-user-member" + i)
                .toArray(String[]::new));
    }

    /** Alice starts a session in the channel; returns the id of the WAIT button on the channel's card. */
    private String sessionStarted(String text) {
        bot.post(Activities.channelMention(connector.serviceUrl(), "alice", CHANNEL, "session start " + text));
        JsonNode card = connector.to(CHANNEL).stream().filter(c -> c.cardText().contains("Live session:"))
                .findFirst().orElseThrow(() -> new AssertionError("no invitation: " + connector.calls())).card();
        for (JsonNode action : card.path("actions")) {
            if (action.path("title").asText().equals("I don't get this yet")) {
                return action.path("data").path("guildhall").asText();
            }
        }
        throw new AssertionError("no WAIT button on " + card);
    }

    private void lost(String waitButton, int trainee) {
        TeamsAdapter.Response answer = bot.post(Activities.channelActionExecute(connector.serviceUrl(),
                "trainee" + trainee, waitButton, ""));
        assertThat(answer.body()).contains("Your flag is up");
    }

    private int count(String sql) {
        return bot.guildhall.database().read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void aRosterOfTwentyFiveNudgesAtTheThirdFlagNotBefore() {
        // Given a channel whose roster has 25 people (three pages)
        rosterOf(25);

        // When alice starts a session there without --threshold (the roster is asked after the commit)
        String wait = sessionStarted("Peering");
        assertThat(connector.calls().stream().filter(call -> call.path().endsWith("/pagedmembers")).count())
                .as("one call per page of 10").isEqualTo(3);
        assertThat(count("SELECT channel_members FROM live_session")).isEqualTo(25);

        // Then two lost people do not nudge her, the third does (10 % of 25, rounded up)
        lost(wait, 1);
        lost(wait, 2);
        assertThat(count(NUDGES)).isZero();
        lost(wait, 3);
        assertThat(count(NUDGES)).isEqualTo(1);
        assertThat(connector.calls()).filteredOn(call -> call.cardText().contains("3 people are lost")).hasSize(1);
    }

    @Test
    void whenTheRosterFailsTwoLostPeopleNudge() {
        // Given a roster of 40 the connector fails to give
        rosterOf(40);
        connector.failRostersWith(500);

        // When alice starts a session and two people are lost
        String wait = sessionStarted("Peering");
        lost(wait, 1);
        assertThat(count(NUDGES)).isZero();
        lost(wait, 2);

        // Then the default of 2 applied, and nothing failed that anyone would be told about
        assertThat(count("SELECT threshold FROM live_session")).isEqualTo(2);
        assertThat(count(NUDGES)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'")).isZero();
    }

    @Test
    void aChosenThresholdWinsAndTheRosterIsNotAsked() {
        // Given a roster of 40 and a session started with --threshold 2
        rosterOf(40);
        String wait = sessionStarted("Peering --threshold 2");

        // When two people are lost
        lost(wait, 1);
        lost(wait, 2);

        // Then the second nudges, and nobody asked for the roster
        assertThat(count(NUDGES)).isEqualTo(1);
        assertThat(connector.calls()).noneMatch(call -> call.path().endsWith("/pagedmembers"));
    }
}
