package dev.guildhall.bench;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.Database;
import dev.guildhall.testing.RecordingChatPort;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Matching at scale: {@code people} people, people/10 topics, people/2 waiting tickets (five per topic), two full
 * teachers per topic. Times {@code bot.handle} (one whole transaction, commit included) for a /learn that finds a free
 * teacher and a /teach that takes the oldest waiting ticket: both decide a match.
 */
final class MatchBench {
    private static final String ORG = "slack:T0BENCH:";
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private MatchBench() {
    }

    /** Wall time and, beside it, the thread's CPU time: on a machine shared with other work the difference is
     *  time spent waiting for a core, not matching. */
    record Result(int people, int topics, int tickets, int samples, double seedSeconds, Stats learn, Stats teach,
                  Stats learnCpu, Stats teachCpu, int learnMatched, int teachMatched) {
    }

    static Result run(int people, int requestedSamples) throws Exception {
        int topics = Math.max(10, people / 10);
        int tickets = people / 2;
        // Each /teach takes up to two waiting tickets: in a small workspace, more samples would empty the queues and
        // time a /teach that finds nobody.
        int samples = Math.min(requestedSamples, tickets / 5);
        Path dir = Files.createTempDirectory("match-bench");
        Path db = dir.resolve("match.db");
        AdjustableClock clock = AdjustableClock.fixedAt(NOW);
        Config config = Config.from(Map.of(Config.DB, db.toString()));
        try (Guildhall bot = new Guildhall(Database.open(db.toString()), clock, new RecordingChatPort("slack"),
                Wiring.capabilities(config))) {
            long seedStart = System.nanoTime();
            seed(bot.database(), people, topics, tickets, samples * 2);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            bot.database().inTransaction(h -> h.execute("ANALYZE"));
            long[] learn = new long[samples];
            long[] teach = new long[samples];
            long[] learnCpu = new long[samples];
            long[] teachCpu = new long[samples];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            // The first half warms the JIT up and is not counted.
            for (int round = 0; round < 2; round++) {
                for (int s = 0; s < samples; s++) {
                    int k = round * samples + s;
                    Command learning = new Command(Person.of(new PersonId(ORG + "L" + k), "learner" + k),
                            Optional.empty(), "learn", "free" + k);
                    long cpu = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    bot.handle(Inbound.of(learning)).reply();
                    long took = System.nanoTime() - start;
                    long learnCpuTook = threads.getCurrentThreadCpuTime() - cpu;
                    Command teaching = new Command(Person.of(new PersonId(ORG + "T" + k), "teacher" + k),
                            Optional.empty(), "teach", "topic" + (k * 7919 % topics));
                    long teachCpuStart = threads.getCurrentThreadCpuTime();
                    long teachStart = System.nanoTime();
                    bot.handle(Inbound.of(teaching)).reply();
                    long teachTook = System.nanoTime() - teachStart;
                    long teachCpuTook = threads.getCurrentThreadCpuTime() - teachCpuStart;
                    if (round == 1) {
                        learn[s] = took;
                        teach[s] = teachTook;
                        learnCpu[s] = learnCpuTook;
                        teachCpu[s] = teachCpuTook;
                    }
                }
            }
            // Every /learn and every /teach above must have proposed a match, or the timing measured something else.
            int learnMatched = count(bot, "learner_id", "learner_id LIKE '" + ORG + "L%'");
            int teachMatched = count(bot, "teacher_id", "teacher_id LIKE '" + ORG + "T%'");
            return new Result(people, topics, tickets, samples, seedSeconds, Stats.of(learn), Stats.of(teach),
                    Stats.of(learnCpu), Stats.of(teachCpu), learnMatched,
                    teachMatched);
        }
    }

    private static int count(Guildhall bot, String column, String where) {
        return bot.database().read(h -> h.createQuery("SELECT COUNT(DISTINCT " + column + ") FROM mentorship_match WHERE status = 'PROPOSED'"
                + " AND " + where).mapTo(Integer.class).one());
    }

    /** Bulk inserts in one transaction: a 100,000-person workspace seeds in seconds. */
    private static void seed(Database database, int people, int topics, int tickets, int free) {
        long at = NOW.minusSeconds(86_400).toEpochMilli();
        database.inTransaction(h -> {
            PreparedBatch person = h.prepareBatch("INSERT INTO person (id, display_name, first_seen_at, last_seen_at)"
                    + " VALUES (?, ?, ?, ?)");
            for (int i = 0; i < people; i++) {
                person.add(ORG + "U" + i, "person" + i, at, at);
            }
            for (int j = 0; j < topics * 2; j++) {
                person.add(ORG + "M" + j, "mentor" + j, at, at);
            }
            for (int k = 0; k < free; k++) {
                person.add(ORG + "F" + k, "free" + k, at, at);
            }
            person.execute();
            PreparedBatch ticket = h.prepareBatch("INSERT INTO ticket (id, learner_id, topic, status, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)");
            for (int k = 0; k < tickets; k++) {
                ticket.add(k + 1, ORG + "U" + k, "topic" + (k % topics), "WAITING", at + k);
            }
            // Each topic's two teachers are busy with one matched learner each: the waiting tickets stay waiting.
            for (int j = 0; j < topics * 2; j++) {
                ticket.add(tickets + j + 1, ORG + "U" + ((tickets + j) % people), "topic" + (j % topics), "MATCHED",
                        at);
            }
            ticket.execute();
            PreparedBatch offer = h.prepareBatch("INSERT INTO teaching_offer (teacher_id, topic, capacity, created_at)"
                    + " VALUES (?, ?, 1, ?)");
            for (int j = 0; j < topics * 2; j++) {
                offer.add(ORG + "M" + j, "topic" + (j % topics), at);
            }
            for (int k = 0; k < free; k++) {
                offer.add(ORG + "F" + k, "free" + k, at);
            }
            offer.execute();
            PreparedBatch match = h.prepareBatch("INSERT INTO mentorship_match (ticket_id, learner_id, teacher_id,"
                    + " topic, status, proposed_at, answered_at) VALUES (?, ?, ?, ?, 'ACCEPTED', ?, ?)");
            for (int j = 0; j < topics * 2; j++) {
                match.add(tickets + j + 1, ORG + "U" + ((tickets + j) % people), ORG + "M" + j, "topic" + (j % topics),
                        at, at);
            }
            match.execute();
            return null;
        });
    }
}
