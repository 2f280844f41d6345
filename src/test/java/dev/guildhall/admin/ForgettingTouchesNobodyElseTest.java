package dev.guildhall.admin;

import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 §1: forgetting a person changes nothing of anyone else's but whole mentions of them, whatever their name
 * ("WAITING" is a ticket status, "guild" part of task kinds and titles, "text" a JSON key, "ann" the start of
 * "annotation"), and mentions are found in any case.
 */
class ForgettingTouchesNobodyElseTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().withEnv(Map.of("GUILDHALL_ADMINS", "console:root"));

    @ParameterizedTest(name = "a person named {0}, mentioned as @{1}")
    @CsvSource({"WAITING, Waiting", "guild, Guild", "text, TEXT", "ann, Ann", "zebulon, Zebulon"})
    void onlyTheirOwnRowsAndWholeMentionsOfThemChange(String name, String mentionedAs) {
        // Given bob and carol wait for teachers, bob leads two guilds with a meetup planned, and mentions the person
        t.say("bob", "/learn annotation");
        t.say("carol", "/learn kubernetes");
        t.say("bob", "/guild create platform \"Platform guild\"");
        t.say("bob", "/guild create zeb \"Zebulon's own guild\"");
        t.say("carol", "/guild join platform");
        t.say(name, "/guild join platform");
        t.say(name, "/learn rust");
        assertThat(t.say("bob", "/guild meetup platform \"2026-03-05 17:00\" \"Platform sync\" --tz UTC"))
                .contains("Planned meetup");
        String announcement = "Welcome @" + mentionedAs + "! Read the annotation text; guild folks WAITING on"
                + " tickets, ask @" + mentionedAs + "s friend or mail " + name + "@example.com";
        t.say("bob", "/guild announce platform " + announcement);
        StoreDump before = StoreDump.of(t.bot().database());

        // When they ask to be forgotten
        t.press(name, "guildhall-forget:me");
        StoreDump after = StoreDump.of(t.bot().database());

        // Then outside their own rows, the only changes are whole mentions of them becoming @someone, and the
        // tombstone that now stands for them in the counts
        List<StoreDump.Change> changes = before.changesOutside(after, "console:" + name);
        assertThat(changes).filteredOn(StoreDump.Change::added).singleElement()
                .satisfies(added -> assertThat(added.table()).isEqualTo("person"))
                .satisfies(added -> assertThat(added.after()).contains("id=forgotten:",
                        "display_name=someone who asked to be forgotten"));
        List<StoreDump.Change> edited = changes.stream().filter(change -> !change.added()).toList();
        assertThat(edited).extracting(change -> change.table() + "." + change.column()).isNotEmpty()
                .allMatch(where -> where.equals("announcement.text") || where.equals("outbox.payload"));
        assertThat(edited).allSatisfy(change -> assertThat(change.after())
                .isEqualTo(change.before().replace("@" + mentionedAs + "!", "@someone!")));
        assertThat(after.values()).filteredOn(value -> value.startsWith("announcement.text")).containsExactly(
                "announcement.text = " + announcement.replace("@" + mentionedAs + "!", "@someone!"));
        assertThat(after.values()).noneMatch(value -> value.contains("console:" + name));

        // And reminders, matching and the board still work
        assertThat(t.say("bob", "/learn board")).contains("annotation", "kubernetes");
        t.say("erin", "/teach annotation");
        assertThat(t.count("mentorship_match WHERE teacher_id = 'console:erin' AND learner_id = 'console:bob'"
                + " AND status = 'PROPOSED'")).isEqualTo(1);
        assertThat(t.say("bob", "/guild info platform")).contains("Platform guild");
        t.advance(Duration.ofDays(2));
        t.advance(Duration.ofDays(1));
        assertThat(t.chat.directTo(BotExtension.id("carol"))).anyMatch(sent -> sent.mentions("24-hour reminder"));
        assertThat(t.count("scheduled_task WHERE last_error IS NOT NULL AND last_error <> 'cancelled'")).isZero();
    }
}
