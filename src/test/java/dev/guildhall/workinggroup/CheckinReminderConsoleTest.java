package dev.guildhall.workinggroup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ConsoleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.guildhall.testing.ConsoleRunner.textsTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: before a check-in's digest closes, members who haven't answered are reminded once. */
class CheckinReminderConsoleTest {
    /** A Friday check-in (1 December 2026 is a Tuesday) of vpc, put to bob and carol at 10:00. */
    private static final String ASKED_ON_FRIDAY = String.join("\n",
            "@alice #platform /guild create platform \"Platform guild\" here",
            "@bob /guild join platform",
            "@carol /guild join platform",
            "@alice #vpc /wg create vpc --guild platform \"VPC peering\" --channel here",
            "@bob /wg join vpc",
            "@carol /wg join vpc",
            "@alice /wg checkin vpc \"What did you try?\" every friday 10:00",
            "!advance 3d",
            "!advance 2h");
    @TempDir
    Path dir;

    @Test
    void membersWhoHaveNotAnsweredAreRemindedBeforeTheDigestCloses() throws Exception {
        // Given a Friday check-in (1 December 2026 is a Tuesday) that bob answers and carol doesn't
        List<JsonNode> out = ConsoleRunner.run(dir, AdjustableClock.fixedAt(Instant.parse("2026-12-01T09:00:00Z")),
                ASKED_ON_FRIDAY,
                "@bob /wg answer vpc Peering works in staging",
                // When the digest is two hours from closing (Saturday 10:00)
                "!advance 21h");

        // Then carol is reminded, bob isn't
        String reminder = "⏰ The check-in digest of *vpc* goes out in 2 hours and I don't have your answer yet:"
                + " What did you try?";
        assertThat(textsTo(out, "carol")).anySatisfy(t -> assertThat(t).startsWith(reminder));
        assertThat(textsTo(out, "bob")).noneSatisfy(t -> assertThat(t).startsWith("⏰"));
    }

    @Test
    void someoneWhoLeftTheGroupIsNotRemindedOfItsCheckin() throws Exception {
        // Given a Friday check-in put to bob and carol, and carol leaves the group before answering
        List<JsonNode> out = ConsoleRunner.run(dir, AdjustableClock.fixedAt(Instant.parse("2026-12-01T09:00:00Z")),
                ASKED_ON_FRIDAY,
                "@carol /wg leave vpc",
                // When the digest is two hours from closing (Saturday 10:00)
                "!advance 21h");

        // Then bob, still a member, is reminded; carol, who left, isn't
        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).startsWith("⏰ The check-in digest of *vpc*"));
        assertThat(textsTo(out, "carol")).noneSatisfy(t -> assertThat(t).startsWith("⏰"));
    }
}
