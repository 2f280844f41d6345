package dev.guildhall.workinggroup;

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

/** Issue 17: a member skips the next check-in, or a week of them (vacation), and is not counted as silent. */
class CheckinSkipConsoleTest {
    @TempDir
    Path dir;

    private List<JsonNode> run(String... lines) throws Exception {
        return ConsoleRunner.run(dir, AdjustableClock.fixedAt(Instant.parse("2026-12-01T09:00:00Z")), lines);
    }

    private static long asked(List<JsonNode> out, String person) {
        return textsTo(out, person).stream().filter(t -> t.startsWith("🗓 Check-in for")).count();
    }

    @Test
    void aMemberSkipsTheNextCheckInAndIsAskedTheOneAfter() throws Exception {
        // Given a weekly check-in on Fridays (1 December 2026 is a Tuesday)
        List<JsonNode> out = run(
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@bob /guild join platform",
                "@alice #vpc /wg create vpc --guild platform \"VPC peering\" --channel here",
                "@bob /wg join vpc",
                "@alice /wg checkin vpc \"What did you try?\" every friday 10:00",
                // When bob skips the next one
                "@bob /wg checkin vpc skip",
                "!advance 4d",
                "!advance 7d");

        // Then he is told, not asked on 4 December, asked on 11 December, and not listed as silent
        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).isEqualTo("🗓 You'll skip the check-in of"
                + " *vpc* on 2026-12-04. See you at the next one."));
        assertThat(asked(out, "bob")).isEqualTo(1);
        assertThat(textsIn(out, "vpc")).anySatisfy(t -> assertThat(t).startsWith("🗓 Check-in digest of *vpc*"
                + " (2026-12-04)"));
        assertThat(out.toString()).doesNotContain("No answer from bob");
    }

    @Test
    void aMemberOnVacationSkipsAWeekOfADailyCheckIn() throws Exception {
        List<JsonNode> out = run(
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@bob /guild join platform",
                "@alice #vpc /wg create vpc --guild platform \"VPC peering\" --channel here",
                "@bob /wg join vpc",
                "@alice /wg checkin vpc \"What did you try?\" every day 10:00",
                "@bob /wg checkin vpc skip week",
                "!advance 1d", "!advance 1d", "!advance 1d", "!advance 1d", "!advance 1d", "!advance 1d",
                "!advance 1d", "!advance 1d");

        assertThat(textsTo(out, "bob")).anySatisfy(t -> assertThat(t).isEqualTo("🗓 You'll skip the check-ins of"
                + " *vpc* until 2026-12-08. Enjoy the break!"));
        // 1 to 7 December skipped; asked again on 8 December
        assertThat(asked(out, "bob")).isEqualTo(1);
        assertThat(textsTo(out, "alice").stream().filter(t -> t.startsWith("🗓 Check-in for"))).hasSizeGreaterThan(5);
    }

    @Test
    void onlyAMemberCanSkip() throws Exception {
        List<JsonNode> out = run(
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@carol /guild join platform",
                "@alice #vpc /wg create vpc --guild platform \"VPC peering\" --channel here",
                "@alice /wg checkin vpc \"What did you try?\" every friday 10:00",
                "@carol /wg checkin vpc skip now");

        assertThat(textsTo(out, "carol")).anySatisfy(t -> assertThat(t).contains("/wg checkin vpc skip"));
    }
}
