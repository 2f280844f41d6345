package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 on Teams, where a bot cannot start a group chat: each of a new pair gets the introduction as a card with
 * a chat deep link to the other (their user principal name read from the roster once and kept), or the other's name
 * when the roster does not give it.
 */
class TeamsPairIntroductionTest {
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

    private static List<JsonNode> actions(FakeConnector.Call call) {
        return StreamSupport.stream(call.card().path("actions").spliterator(), false).toList();
    }

    @Test
    void eachOfThePairGetsACardWithAChatLinkToTheOtherOrTheirNameWhenTheRosterHasNoPrincipalName() {
        // Given alice's roster entry has her principal name and bob's has none
        String url = rig.connector.serviceUrl();
        rig.connector.roster(Activities.personalChat("alice"), "29:teams-user-alice");
        rig.connector.principalName("29:teams-user-alice", "alice@contoso.example");
        rig.connector.roster(Activities.personalChat("bob"), "29:teams-user-bob");
        rig.post(Activities.personalMessage(url, "alice", "teach kubernetes"));
        rig.post(Activities.personalMessage(url, "bob", "learn kubernetes"));
        FakeConnector.Call proposal = rig.connector.await(Activities.personalChat("alice"),
                c -> c.cardText().contains("Can you teach")).get(0);

        // When alice accepts
        rig.post(Activities.cardSubmit(url, "alice", proposal.buttonData("Accept")));

        // Then bob's card links to a chat with alice by her principal name
        FakeConnector.Call bobs = rig.connector.await(Activities.personalChat("bob"),
                c -> c.cardText().contains("bob, meet alice")).get(0);
        assertThat(actions(bobs)).singleElement().satisfies(action -> {
            assertThat(action.path("type").asText()).isEqualTo("Action.OpenUrl");
            assertThat(action.path("title").asText()).isEqualTo("💬 Chat with alice");
            assertThat(action.path("url").asText())
                    .isEqualTo("https://teams.microsoft.com/l/chat/0/0?users=alice%40contoso.example");
        });
        // and alice's card names bob instead, since the roster had no principal name for him
        FakeConnector.Call alices = rig.connector.await(Activities.personalChat("alice"),
                c -> c.cardText().contains("bob, meet alice")).get(0);
        assertThat(actions(alices)).isEmpty();
        assertThat(alices.cardText()).contains("To chat with bob, look them up by name in Teams.");
        // and the principal name is kept: the roster is not asked again
        String kept = rig.database.read(h -> h.createQuery(
                        "SELECT user_principal_name FROM teams_person WHERE person_id = :id")
                .bind("id", Activities.tenantPerson("aad-alice")).mapTo(String.class).one());
        assertThat(kept).isEqualTo("alice@contoso.example");
    }

    @Test
    void theDidYouMeetQuestionAndTheWeeklyCheckInRenderAsCardsTheCheckInWithATextBox() {
        // Given a pair on Teams
        String url = rig.connector.serviceUrl();
        rig.post(Activities.personalMessage(url, "alice", "teach kubernetes"));
        rig.post(Activities.personalMessage(url, "bob", "learn kubernetes"));
        rig.post(Activities.cardSubmit(url, "alice", "mentorship.accept:1"));

        // When three days pass, bob gets the question with its three buttons
        rig.advance(java.time.Duration.ofDays(3));
        FakeConnector.Call asked = rig.connector.await(Activities.personalChat("bob"),
                c -> c.cardText().contains("Have you and alice met")).get(0);
        assertThat(asked.buttonTitles()).containsExactly("We met", "Not yet", "It isn't working");

        // When he answers We met from the card, a week later his check-in card has a box to write alice a line
        rig.post(Activities.cardSubmit(url, "bob", asked.buttonData("We met")));
        rig.advance(java.time.Duration.ofDays(8));
        FakeConnector.Call checkIn = rig.connector.await(Activities.personalChat("bob"),
                c -> c.cardText().contains("Weekly check-in")).get(0);
        assertThat(actions(checkIn)).extracting(action -> action.path("title").asText())
                .containsExactly("👍 Going well", "🧱 Something's blocking", "Send to alice");
        assertThat(actions(checkIn).get(2).path("type").asText()).isEqualTo("Action.Execute");
        assertThat(checkIn.card().path("body").findValuesAsText("placeholder")).containsExactly("A line for alice");
    }
}
