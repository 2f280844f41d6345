package dev.guildhall.bench;

import dev.guildhall.app.Server;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An announcement to {@code members} guild members through the real server (outbox thread, Pacer, SlackChatPort)
 * against {@link BenchSlack} enforcing {@code limit} chat.postMessage per second with 429 + Retry-After. The floor is
 * what the limit allows at best: the first second's burst, then {@code limit} a second.
 */
final class RateLimitedFanOut {
    private static final String LEAD = "ULEAD";

    private RateLimitedFanOut() {
    }

    record Result(String pace, int members, int limit, double seconds, double floor, long delivered, long lost,
                  long duplicates, long rateLimited, long progressUpdates) {
        double ratio() {
            return seconds / floor;
        }
    }

    static Result run(int members, int limit, String pace) throws Exception {
        Path db = Files.createTempDirectory("fanout-bench").resolve("fanout.db");
        try (BenchSlack slack = BenchSlack.limited(limit);
             Server server = Server.start(Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", "s3cret",
                     "SLACK_API_URL", slack.apiUrl(), "PORT", "0", "GUILDHALL_DB", db.toString(),
                     "GUILDHALL_SEND_PACE", pace), AdjustableClock.system(), false)) {
            Guildhall bot = server.bot();
            Person lead = Person.of(new PersonId("slack:T0BENCH:" + LEAD), "lea");
            bot.handle(Inbound.of(new Command(lead, Optional.empty(), "guild", "create bench \"Bench guild\""))).reply();
            bot.database().inTransaction(h -> {
                long guild = h.createQuery("SELECT id FROM guild WHERE slug = 'bench'").mapTo(Long.class).one();
                PreparedBatch person = h.prepareBatch("INSERT INTO person (id, display_name, first_seen_at,"
                        + " last_seen_at) VALUES (?, ?, 0, 0)");
                PreparedBatch member = h.prepareBatch("INSERT INTO guild_member (guild_id, person_id, role, notify,"
                        + " joined_at) VALUES (?, ?, 'MEMBER', 1, ?)");
                for (int i = 0; i < members; i++) {
                    person.add("slack:T0BENCH:U" + i, "m" + i);
                    member.add(guild, "slack:T0BENCH:U" + i, i);
                }
                person.execute();
                member.execute();
                return null;
            });
            // Let the bucket of the fake fill up and anything the create sent go out before the clock starts.
            Thread.sleep(1_500);
            long start = System.nanoTime();
            bot.handle(Inbound.of(new Command(lead, Optional.empty(), "guild", "announce bench Hello everyone, the guild meets"
                    + " on Thursday"))).reply();
            double floor = Math.max(0, members - limit) / (double) limit;
            long deadline = start + (long) (Math.max(floor, 1) * 4e9) + 30_000_000_000L;
            while (memberPosts(slack, members) < members && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double seconds = (slack.lastPostNanos.get() - start) / 1e9;
            long delivered = memberPosts(slack, members);
            Thread.sleep(2_000); // anything doubled would arrive now
            long duplicates = 0;
            for (int i = 0; i < members; i++) {
                var count = slack.posts.get("DU" + i);
                duplicates += count != null && count.get() > 1 ? count.get() - 1 : 0;
            }
            return new Result(pace, members, limit, seconds, floor, delivered, members - memberPosts(slack, members),
                    duplicates, slack.rateLimited.get(), slack.updates.get());
        }
    }

    private static long memberPosts(BenchSlack slack, int members) {
        long n = 0;
        for (int i = 0; i < members; i++) {
            if (slack.posts.containsKey("DU" + i)) {
                n++;
            }
        }
        return n;
    }
}
