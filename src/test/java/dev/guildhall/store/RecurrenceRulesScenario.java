package dev.guildhall.store;

import dev.guildhall.time.Recurrence;
import dev.guildhall.time.Times;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that turns repeating times stored as words into RRULEs, on a store holding every form the words
 * took: shared by the SQLite test and the PostgreSQL one.
 */
final class RecurrenceRulesScenario {
    /** Every form the old code stored ("weekly on …" and "every nth …"), and what each becomes. */
    static final Map<String, String> STORED_WORDS = Map.of(
            "weekly on thursday 18:00", "FREQ=WEEKLY;BYDAY=TH;BYHOUR=18;BYMINUTE=0",
            "weekly on sunday 09:05", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=9;BYMINUTE=5",
            "every 1st monday 10:30", "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10;BYMINUTE=30",
            "every 2nd tuesday 16:00", "FREQ=MONTHLY;BYDAY=2TU;BYHOUR=16;BYMINUTE=0",
            "every 3rd wednesday 00:00", "FREQ=MONTHLY;BYDAY=3WE;BYHOUR=0;BYMINUTE=0",
            "every 4th friday 23:59", "FREQ=MONTHLY;BYDAY=4FR;BYHOUR=23;BYMINUTE=59",
            "every last saturday 12:00", "FREQ=MONTHLY;BYDAY=-1SA;BYHOUR=12;BYMINUTE=0");

    private final String url;
    private final String user;
    private final String password;

    RecurrenceRulesScenario(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    private Jdbi jdbi() {
        return user == null ? Jdbi.create(url) : Jdbi.create(url, user, password);
    }

    /** Given a store before the rules, with a meetup for every stored form, a one-off, and a weekly check-in. */
    void givenRepeatingTimesStoredAsWords() {
        Dialect dialect = Dialect.of(url);
        FluentConfiguration config = Flyway.configure().dataSource(url, user, password)
                .locations(dialect.migrations().toArray(String[]::new))
                .placeholders(dialect.placeholders());
        config.target(versionBefore(config.load().info().all())).load().migrate();
        jdbi().useTransaction(h -> {
            h.execute("INSERT INTO person (id, display_name, first_seen_at, last_seen_at) VALUES ('console:lea', 'Lea', 0, 0)");
            long guild = h.createQuery("INSERT INTO guild (slug, name, created_by, created_at)"
                    + " VALUES ('k8s', 'Kubernetes', 'console:lea', 0) RETURNING id").mapTo(Long.class).one();
            for (String words : STORED_WORDS.keySet()) {
                meetup(h, guild, words);
            }
            meetup(h, guild, null);
            long group = h.createQuery("""
                    INSERT INTO working_group (slug, guild_id, charter, owner_id, size, status, created_at)
                    VALUES ('vpc', :guild, 'VPC peering', 'console:lea', 5, 'ACTIVE', 0) RETURNING id""")
                    .bind("guild", guild).mapTo(Long.class).one();
            h.createUpdate("""
                    INSERT INTO wg_checkin (group_id, question, weekday, at_time, created_by, created_at)
                    VALUES (:group, 'What did you try?', 'FRIDAY', '09:30', 'console:lea', 0)""")
                    .bind("group", group).execute();
        });
    }

    /** The version just before the migration that converts the rules, whatever number it was given at merge. */
    private static MigrationVersion versionBefore(MigrationInfo[] migrations) {
        for (int i = 1; i < migrations.length; i++) {
            if (migrations[i].getDescription().equals("recurrence rules")) {
                return migrations[i - 1].getVersion();
            }
        }
        throw new IllegalStateException("no migration named recurrence_rules");
    }

    private static void meetup(Handle h, long guild, String words) {
        h.createUpdate("""
                        INSERT INTO meetup (guild_id, title, starts_at, time_zone, recurrence, status, created_by,
                                            created_at)
                        VALUES (:guild, :title, 0, 'Europe/Berlin', :words, 'SCHEDULED', 'console:lea', 0)""")
                .bind("guild", guild).bind("title", String.valueOf(words)).bindByType("words", words, String.class)
                .execute();
    }

    /** When the current code opens the store, every rule is an RRULE that means what the words meant. */
    void thenEveryRuleIsAnRruleThatMeansTheSame() {
        try (Database db = Database.open(url, user, password)) {
            List<Map<String, Object>> meetups = db.read(h -> h.createQuery(
                    "SELECT title, recurrence FROM meetup ORDER BY id").mapToMap().list());
            assertThat(meetups).hasSize(STORED_WORDS.size() + 1);
            for (Map<String, Object> row : meetups) {
                String title = (String) row.get("title");
                if (title.equals("null")) {
                    assertThat(row.get("recurrence")).isNull();
                    continue;
                }
                String rule = (String) row.get("recurrence");
                assertThat(rule).as(title).isEqualTo(STORED_WORDS.get(title));
                assertThat(new Recurrence(rule)).as(title).isEqualTo(Times.recurrence(title));
            }
            String checkin = db.read(h -> h.createQuery("SELECT rule FROM wg_checkin").mapTo(String.class).one());
            assertThat(checkin).isEqualTo("FREQ=WEEKLY;BYDAY=FR;BYHOUR=9;BYMINUTE=30");
            assertThat(new Recurrence(checkin).describe()).isEqualTo("every friday 09:30");
        }
    }
}
