package dev.guildhall.programme;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.guildhall.testing.BotExtension.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batched reads of the hot paths (the learning board, why a learner waits, an expiry round, check-in planning,
 * meetup messages, sending a check and programme insights) on PostgreSQL: each answers as on SQLite.
 */
class HotPathQueriesPostgresIT {
    @Test
    void theBatchedReadsAnswerOnPostgresql() {
        try (Postgres postgres = new Postgres(); BotExtension t = BotExtension.wholeBot().on(postgres.config(Map.of())).begin()) {
            // mentorship: the board, a paused teacher explained, an expiry round, a stop
            t.say("learner1", "/learn topic1 get going with it");
            assertThat(t.say("viewer", "/learn board")).contains("#1 learner1").contains("get going with it");
            t.say("paused", "/teach go");
            t.say("paused", "/teach pause");
            assertThat(t.say("bob", "/learn go")).contains("paused has paused teaching");
            t.say("alice", "/teach rust --capacity 1");
            t.say("first", "/learn rust");
            t.say("waiting", "/learn rust");
            t.advance(Duration.ofDays(3).plusMinutes(1));
            assertThat(t.chat.directTo(id("waiting"))).anyMatch(s -> s.mentions("alice has paused teaching"));
            t.say("carol", "/teach k8s");
            t.say("dave", "/learn k8s");
            assertThat(t.say("carol", "/teach stop k8s")).contains("I withdrew 1 proposal");

            // guild meetups and a working group's check-in
            PodsProgramme.create(t);
            t.zone("erin", "Europe/Berlin");
            t.say("erin", "/guild join k8s");
            assertThat(t.say("alice", "/guild meetup k8s \"2026-12-03 16:00\" \"Operators\" --tz Europe/London"))
                    .startsWith("📅 Planned meetup #1");
            t.press("erin", "guild.going:1");
            assertThat(t.say("alice", "/guild meetup move 1 \"2026-12-10 17:30\"")).startsWith("🕒 Moved meetup #1");
            assertThat(t.chat.directTo(id("erin"))).anyMatch(s -> s.mentions("Moved: *Operators*"));
            t.say("alice", "/wg create vpc --guild k8s \"VPC peering for everyone\"");
            t.say("erin", "/wg join vpc");
            assertThat(t.say("alice", "/wg checkin vpc \"Blockers?\" every tuesday 10:00")).contains("every tuesday");
            assertThat(t.count("wg_checkin_ask")).isEqualTo(2);

            // a programme's check and insights
            t.say("olivia", "/check add \"Pods\" \"Do containers in a pod share an IP?\" \"Yes\" \"No\"");
            t.say("erin", "/programme join k8s-101");
            assertThat(t.say("olivia", "/check send \"Pods\"")).startsWith("📨 Sent the *Pods* check to 1 person");
            assertThat(t.say("alice", "/programme insights k8s-101")).contains("0 of 1 finished every check");
            assertThat(t.chat.sent()).noneMatch(s -> s.mentions("something went wrong"));
        }
    }
}
