package dev.guildhall.teams;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.guildhall.teams.Activities.personalChat;
import static org.assertj.core.api.Assertions.assertThat;

/** The first thing a new Teams user types in a personal chat is a greeting or "help": they get the help card. */
class TeamsFirstWordsTest {
    @TempDir
    Path dir;
    TeamsRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new TeamsRig(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private String answerTo(String typed) {
        rig.connector.clear();
        rig.post(Activities.personalMessage(rig.connector.serviceUrl(), "alice", typed));
        return rig.connector.to(personalChat("alice")).get(0).cardText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "Help", "HELP!", "hi", "Hi!", "hello", "Hello.", "hello!!", " hi ", "/help", "help?"})
    void aGreetingOrHelpShowsTheHelpCardAsAnEmptyMessageDoes(String typed) {
        String empty = answerTo("");

        String answer = answerTo(typed);

        assertThat(empty).contains("Hi, I'm **Guildhall**");
        assertThat(answer).isEqualTo(empty).doesNotContain("I don't know");
    }

    @Test
    void aGreetingInAChannelMentionShowsTheHelpCardToo() {
        rig.sayInChannel("alice", "hello!");

        assertThat(rig.connector.to(Activities.CHANNEL).get(0).cardText()).contains("Hi, I'm **Guildhall**")
                .doesNotContain("I don't know");
    }

    @Test
    void aCommandThatMerelyStartsWithAGreetingWordIsStillACommand() {
        String answer = answerTo("help me learn kubernetes");

        assertThat(answer).doesNotContain("Hi, I'm **Guildhall**").contains("I don't know");
    }
}
