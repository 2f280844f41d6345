package dev.guildhall.livesession;

import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, flooding: per-person question limits under the session's key, pausing, removing any question. */
class QuestionLimitsTest {
    private static final Instant LIVE_START = Instant.parse("2026-11-26T10:00:00Z");

    @RegisterExtension
    final BotExtension bot = BotExtension.only(() -> List.of(new LiveSessionCapability())).startingAt(LIVE_START);

    @BeforeEach
    void open() {
    }

    private long questionsPosted() {
        return bot.chat.to("#vpc").stream().filter(d -> !d.isUpdate())
                .filter(d -> d.message().text().startsWith("❓ Anonymous question")).count();
    }

    @Test
    void fortyQuestionsInAFewSecondsPostOnlyThreeAndTheFloodIsToldWhenToAskAgain() {
        // Given a live session
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");

        // When dave posts 40 questions within a few seconds
        String last = "";
        for (int i = 1; i <= 40; i++) {
            last = bot.sayIn("dave", "vpc", "/wait question number " + i);
            bot.clock.advance(Duration.ofMillis(100));
        }

        // Then only the per-minute limit reached the channel, and dave was told plainly when he may ask again
        assertThat(questionsPosted()).isEqualTo(3);
        assertThat(last).contains("3 a minute, 20 an hour").contains("not posted").contains("ask again in 1 min");
        // and someone else can still ask
        assertThat(bot.sayIn("carol", "vpc", "/wait what is a route table?")).contains("Your question is posted");
        assertThat(questionsPosted()).isEqualTo(4);
    }

    @Test
    void theHourlyLimitHoldsAcrossMinutesAndThePresenterCanLowerIt() {
        // Given a session limited to 5 questions an hour per person
        assertThat(bot.sayIn("alice", "vpc", "/session start \"VPC peering\" --questions 5/hour"))
                .doesNotContain("--questions");

        // When dave asks one question a minute for ten minutes
        String refused = "";
        for (int i = 1; i <= 10; i++) {
            String reply = bot.sayIn("dave", "vpc", "/wait question " + i);
            if (!reply.contains("Your question is posted")) {
                refused = reply;
            }
            bot.clock.advance(Duration.ofMinutes(1));
        }

        // Then five were posted, and the refusal says when the hour is over
        assertThat(questionsPosted()).isEqualTo(5);
        assertThat(refused).contains("5 an hour").contains("ask again in 51 min");
        // and after the hour he can ask again
        bot.clock.advance(Duration.ofMinutes(51));
        assertThat(bot.sayIn("dave", "vpc", "/wait one more")).contains("Your question is posted");
    }

    @Test
    void aLimitThatIsNotANumberOfQuestionsAnHourIsRefusedWithTheFormToType() {
        String reply = bot.sayIn("alice", "vpc", "/session start \"VPC peering\" --questions lots");

        assertThat(reply).contains("--questions 10/hour");
        assertThat(bot.sayIn("alice", "vpc", "/session status")).contains("No live session");
    }

    @Test
    void thePresenterPausesAndResumesQuestionsByButtonAndByCommand() {
        // Given a session whose board has a Pause button
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");
        assertThat(bot.chat.lastTo("@alice").message().buttons()).extracting(b -> b.actionId())
                .contains("livesession.pause:1");

        // When only the presenter can pause, and does
        assertThat(bot.press("bob", "vpc", "livesession.pause:1")).contains("Only alice");
        assertThat(bot.press("alice", null, "livesession.pause:1")).contains("Questions are paused");

        // Then a question is refused (and nothing of it kept), a plain flag still works
        assertThat(bot.sayIn("dave", "vpc", "/wait what now?")).contains("paused questions").contains("not posted");
        assertThat(questionsPosted()).isZero();
        assertThat(bot.sayIn("dave", "vpc", "/wait")).contains("Your flag is up");
        assertThat(bot.chat.lastTo("@alice").message().buttons()).extracting(b -> b.actionId())
                .contains("livesession.resume:1");

        // And the typed form resumes them
        assertThat(bot.sayIn("alice", "vpc", "/session resume")).contains("open again");
        assertThat(bot.sayIn("dave", "vpc", "/wait what now?")).contains("Your question is posted");
        assertThat(bot.sayIn("alice", "vpc", "/session pause")).contains("Questions are paused");
    }

    @Test
    void thePresenterCanRemoveAnyQuestionNotOnlyTheTopFive() {
        // Given eight questions from different people: the board shows five
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");
        for (int i = 1; i <= 8; i++) {
            bot.sayIn("trainee" + i, "vpc", "/wait question " + i);
        }

        // When alice lists every question, and removes the eighth by its button and the seventh by typing
        String list = bot.sayIn("alice", "vpc", "/session questions");
        assertThat(list).contains("#8 question 8");
        assertThat(bot.press("alice", null, "livesession.remove:8")).contains("Removed");
        assertThat(bot.sayIn("alice", "vpc", "/session remove 7")).contains("Removed question #7");
        assertThat(bot.sayIn("bob", "vpc", "/session remove 6")).contains("Only alice");
        assertThat(bot.sayIn("alice", "vpc", "/session remove seven")).contains("/session questions");

        // Then both are gone from her list and the channel says so
        assertThat(bot.sayIn("alice", "vpc", "/session questions")).doesNotContain("question 8")
                .doesNotContain("question 7").contains("#6 question 6");
        assertThat(bot.chat.to("#vpc").stream().filter(d -> d.isUpdate())
                .filter(d -> d.message().text().equals("A question was removed by the presenter.")).count())
                .isEqualTo(2);
    }
}
