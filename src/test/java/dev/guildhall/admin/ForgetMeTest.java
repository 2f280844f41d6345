package dev.guildhall.admin;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure: after forget-me (or an admin's forget) no row names the person, and their matches still count. */
class ForgetMeTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().withEnv(Map.of("GUILDHALL_ADMINS", "console:root"));

    @BeforeEach
    void start() {
        // alice teaches, is matched three times (one proposal to her still open), leads a guild, gives a live session, gets a pending DM
        t.say("alice", "/teach kubernetes");
        t.say("bob", "/learn kubernetes");
        t.press("alice", buttonOf(lastDirectTo("alice"), "Accept"));
        t.say("dave", "/learn kubernetes");
        t.say("alice", "/learn rust");
        t.say("carol", "/teach rust");
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");
        t.say("bob", "/guild join k8s");
        t.say("alice", "/guild lead add k8s @bob");
        t.say("bob", "/guild announce k8s Welcome everyone, @alice runs this guild");
        t.sayIn("alice", "general", "/session start \"Intro to pods\"");
    }

    private RecordingChatPort.Sent lastDirectTo(String name) {
        List<RecordingChatPort.Sent> sent = t.chat.directTo(BotExtension.id(name));
        return sent.get(sent.size() - 1);
    }

    private static String buttonOf(RecordingChatPort.Sent sent, String label) {
        return sent.message().buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow()
                .actionId();
    }

    private List<String> column(String sql) {
        return t.database().read(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    /** Every cell of every table, as text: what a database dump would show. */
    private List<String> dump() {
        return t.bot().database().read(h -> {
            List<String> cells = new ArrayList<>();
            for (String table : h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                    .mapTo(String.class).list()) {
                h.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().forEach(row -> row.forEach((column, v) ->
                        cells.add(table + "." + column + " = " + v)));
            }
            return cells;
        });
    }

    private long matches() {
        return t.count("mentorship_match");
    }

    @Test
    void forgetMeAsksFirstThenLeavesNoRowNamingThemWhileTheirMatchesStillCount() {
        // Given alice is all over the store
        long matchesBefore = matches();
        assertThat(matchesBefore).isEqualTo(3);
        assertThat(dump()).anyMatch(cell -> cell.contains("alice"));

        // When she asks to be forgotten, she is asked to confirm, and nothing changes yet
        String asked = t.say("alice", "/guildhall forget-me");
        assertThat(asked).contains("Forget me?", "[Yes, forget me] guildhall-forget:me");
        assertThat(t.count("person WHERE id = 'console:alice'")).isEqualTo(1);

        // And she confirms
        String done = t.press("alice", "guildhall-forget:me");

        // Then no row holds her id, or mentions her as @alice, or keeps what only she wrote or owned
        assertThat(done).contains("Guildhall has forgotten you").doesNotContain("alice");
        assertThat(dump()).noneMatch(cell -> cell.contains("console:alice"))
                .noneMatch(cell -> cell.toLowerCase(Locale.ROOT).matches("(?s).*@alice\\b.*"));
        assertThat(t.count("person WHERE display_name = 'alice'")).isZero();
        assertThat(t.count("guild_member WHERE person_id NOT IN ('console:bob')")).isZero();
        // And her matches still count, under a tombstone id, with the foreign keys intact
        assertThat(matches()).isEqualTo(matchesBefore);
        assertThat(t.count("mentorship_match WHERE teacher_id LIKE 'forgotten:%' OR learner_id LIKE 'forgotten:%'"))
                .isEqualTo(3);
        List<Map<String, Object>> brokenKeys = t.bot().database().read(h -> h.createQuery("PRAGMA foreign_key_check")
                .mapToMap().list());
        assertThat(brokenKeys).isEmpty();
        assertThat(t.count("guild_member WHERE person_id LIKE 'forgotten:%'")).isZero();
        // And nothing is still trying to reach her
        assertThat(t.count("outbox WHERE recipient LIKE 'forgotten:%' AND status = 'PENDING'")).isZero();
        assertThat(t.count("teaching_offer WHERE teacher_id LIKE 'forgotten:%' AND stopped_at IS NULL")).isZero();
    }

    @Test
    void theOthersKeepTheirDataAndTheBotCarriesOn() {
        t.press("alice", "guildhall-forget:me");

        // bob's membership, his own ticket and his announcement stay; only the mention of her changes
        assertThat(column("SELECT person_id || ' ' || role FROM guild_member")).containsExactly("console:bob LEAD");
        assertThat(column("SELECT text FROM announcement"))
                .containsExactly("Welcome everyone, @someone runs this guild");
        assertThat(column("SELECT learner_id || ' ' || topic FROM ticket WHERE learner_id LIKE 'console:%'"
                + " ORDER BY learner_id")).containsExactly("console:bob kubernetes", "console:dave kubernetes");
        assertThat(column("SELECT teacher_id || ' ' || topic FROM teaching_offer WHERE stopped_at IS NULL"))
                .containsExactly("console:carol rust");
        assertThat(column("SELECT id FROM person")).contains("console:bob", "console:carol", "console:dave")
                .doesNotContain("console:alice");
        assertThat(t.say("bob", "/guild members k8s")).contains("bob").doesNotContain("alice");
        assertThat(t.say("dave", "/learn kubernetes")).doesNotContain("alice");
        assertThat(t.say("alice", "/guildhall about")).contains("Guildhall");
    }

    @Test
    void anAdminForgetsSomeoneByMention() {
        String reply = t.say("root", "/guildhall admin forget @alice");

        assertThat(reply).contains("that person is forgotten").doesNotContain("alice");
        assertThat(dump()).noneMatch(cell -> cell.contains("console:alice"));
        assertThat(matches()).isEqualTo(3);
    }

    @Test
    void learnersWhoseTeacherIsForgottenGoBackInTheQueueAndAreToldAndALaterTeacherGetsThem() {
        t.press("alice", "guildhall-forget:me");

        // bob (matched with her) and dave (waiting on her answer) are back in the queue: nobody else has room yet
        assertThat(t.count("ticket WHERE learner_id IN ('console:dave', 'console:bob') AND status = 'WAITING'"))
                .isEqualTo(2);
        assertThat(lastDirectTo("dave").message().text()).contains("no longer available", "back in the queue",
                "No teacher for *kubernetes* has room yet").doesNotContain("alice");
        assertThat(lastDirectTo("bob").message().text()).contains("Your teacher for *kubernetes* is no longer"
                + " available").doesNotContain("alice");
        // and a new teacher gets them
        t.say("erin", "/teach kubernetes");
        assertThat(t.count("mentorship_match WHERE teacher_id = 'console:erin' AND status = 'PROPOSED'"))
                .isEqualTo(2);
    }

    @Test
    void learnersWhoseTeacherIsForgottenAreProposedAtOnceToATeacherWhoAlreadyHasRoom() {
        // Given erin already teaches kubernetes with room, while dave waits on alice's answer
        t.say("erin", "/teach kubernetes");
        assertThat(t.count("mentorship_match WHERE teacher_id = 'console:erin'")).isZero();

        // When alice is forgotten
        t.press("alice", "guildhall-forget:me");

        // Then dave and bob are proposed to erin at once, and told so without naming alice
        assertThat(t.count("mentorship_match WHERE teacher_id = 'console:erin' AND status = 'PROPOSED'"
                + " AND learner_id IN ('console:dave', 'console:bob')")).isEqualTo(2);
        assertThat(lastDirectTo("dave").message().text()).contains("no longer available", "found you a teacher",
                "erin").doesNotContain("alice");
        assertThat(t.chat.directTo(BotExtension.id("erin"))).filteredOn(sent -> sent.mentions("Can you teach"))
                .hasSize(2);
        // and the board shows neither as waiting any more
        assertThat(t.count("ticket WHERE status = 'WAITING' AND topic = 'kubernetes'")).isZero();
    }

    @Test
    void anAdminCannotForgetSomeoneUnknownAndNothingChanges() {
        assertThat(t.say("root", "/guildhall admin forget @zed")).contains("I don't know @zed");
        assertThat(t.say("root", "/guildhall admin forget")).contains("Whom should I forget?");
        assertThat(dump()).anyMatch(cell -> cell.contains("console:alice"));
    }

    @Test
    void aStaleButtonChangesNothing() {
        assertThat(t.press("alice", "guildhall-forget:everyone")).contains("not one I recognise");
        assertThat(t.count("person WHERE id = 'console:alice'")).isEqualTo(1);
    }
}
