package dev.guildhall.workinggroup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.testing.ConsoleRunner;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's console acceptance for times: {@code !advance} lets time pass as a running bot would see it, so what
 * falls due during a jump runs at its own time, in order; check-ins repeat on the schedules people type.
 */
class ScheduleConsoleAcceptanceTest {
    /** Tuesday 1 December 2026, 10:00 in Berlin. */
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    private static List<String> texts(List<JsonNode> lines, String person) {
        return lines.stream().filter(l -> person.equals(l.path("to").asText(null)) && !l.path("ephemeral").asBoolean())
                .map(l -> l.path("text").asText()).toList();
    }

    private static List<String> posted(List<JsonNode> lines, String channel) {
        return lines.stream().filter(l -> channel.equals(l.path("channel").asText(null))
                && !l.path("ephemeral").asBoolean()).map(l -> l.path("text").asText()).toList();
    }

    @Test
    void aJumpAcrossAMeetupSendsEachReminderAtItsOwnTime() throws Exception {
        // Given a meetup 30 hours ahead, typed as people type times
        List<JsonNode> out = ConsoleRunner.run(dir, AdjustableClock.fixedAt(TUESDAY),
                "@alice !tz Europe/Berlin",
                "@bob !tz America/New_York",
                "@alice /guild create k8s \"Kubernetes guild\"",
                "@bob /guild join k8s",
                "@alice /guild meetup k8s \"Dec 2 4pm\" \"Operators deep dive\"",
                // When two days pass in one jump
                "!advance 2d");

        // Then bob got every reminder, each as at its own time (no "starts in" correction), and the lead heard of
        // nothing skipped
        assertThat(texts(out, "bob")).filteredOn(t -> t.startsWith("⏰") || t.startsWith("🟢")).containsExactly(
                "⏰ 24-hour reminder: *Operators deep dive* — Kubernetes guild meetup, Wed 2 Dec 2026, 10:00"
                        + " (America/New_York)",
                "⏰ 1-hour reminder: *Operators deep dive* — Kubernetes guild meetup, Wed 2 Dec 2026, 10:00"
                        + " (America/New_York)",
                "🟢 Starting now: *Operators deep dive* — Kubernetes guild meetup, Wed 2 Dec 2026, 10:00"
                        + " (America/New_York)");
        assertThat(texts(out, "alice")).noneMatch(t -> t.contains("I was offline"));
    }

    @Test
    void aWeekdayCheckInIsAskedEachWorkdayAndEachDigestClosesAtItsOwnTime() throws Exception {
        // Given a working group whose owner plans a check-in every weekday at 9:30
        List<JsonNode> out = ConsoleRunner.run(dir, AdjustableClock.fixedAt(TUESDAY),
                "@alice !tz Europe/Berlin",
                "@bob !tz Europe/Berlin",
                "@alice #platform /guild create platform \"Platform guild\" here",
                "@bob /guild join platform",
                "@alice /wg create vpc --guild platform \"Get everyone comfortable with VPC peering\"",
                "@bob /wg join vpc",
                "@alice /wg checkin vpc \"What did you try?\" every weekday 9:30",
                // When a week passes in one jump
                "!advance 7d");

        // Then the owner was told the schedule in words
        assertThat(out).anySatisfy(l -> assertThat(l.path("text").asText())
                .contains("checks in every weekday 09:30, each member at that time in their own zone"));
        // and bob was asked on each workday: Wednesday to Friday, Monday and Tuesday
        assertThat(texts(out, "bob")).filteredOn(t -> t.startsWith("🗓 Check-in for")).hasSize(5);
        // and each of the four rounds that closed during the week posted its digest (Tuesday's is still open)
        assertThat(posted(out, "wg-vpc")).filteredOn(t -> t.startsWith("🗓 Check-in digest")).hasSize(4)
                .allSatisfy(t -> assertThat(t).contains("Nobody answered this week"));
        // and every ask and every digest ran exactly at its own time, not at the end of the jump
        Jdbi db = Jdbi.create("jdbc:sqlite:" + dir.resolve("guildhall.db"));
        int lateAsks = db.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM wg_checkin_ask WHERE asked_at IS NULL OR asked_at <> due_at")
                .mapTo(Integer.class).one());
        int lateDigests = db.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM wg_checkin_round
                        WHERE digest_posted_at IS NOT NULL AND digest_posted_at <> digest_due_at""")
                .mapTo(Integer.class).one());
        assertThat(lateAsks).isZero();
        assertThat(lateDigests).isZero();
    }
}
