package dev.guildhall.bench;

import dev.guildhall.app.Server;
import dev.guildhall.core.AdjustableClock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/**
 * The long run (issue 19): distinct signed slash commands in intervals, each interval's set freshly generated and
 * signed (a Slack signature is valid five minutes), replayed by wrk; after each interval the bot's clock moves on by
 * {@code bench.clockStep} so the retention purge (GUILDHALL_RETENTION, here its minimum of 10 minutes) comes round
 * in minutes of real time instead of hours. Prints per interval the rate, the p99 and the sizes of the tables the
 * purge keeps bounded; the rate must stay flat and the sizes must stop growing once the retention is reached.
 */
final class LongRun {
    /** What the purge keeps bounded, beside what legitimately grows with the data (matches and their messages). */
    private static final Map<String, String> COUNTS = new java.util.LinkedHashMap<>();

    static {
        COUNTS.put("request keys", "SELECT COUNT(*) FROM handled_request");
        COUNTS.put("outbox delivered", "SELECT COUNT(*) FROM outbox WHERE status = 'DELIVERED'");
        COUNTS.put("outbox all", "SELECT COUNT(*) FROM outbox");
        COUNTS.put("outbox no match refers to", "SELECT COUNT(*) FROM outbox WHERE id NOT IN"
                + " (SELECT proposal_message_id FROM mentorship_match WHERE proposal_message_id IS NOT NULL)");
        COUNTS.put("tasks finished", "SELECT COUNT(*) FROM scheduled_task WHERE done_at IS NOT NULL");
        COUNTS.put("tasks all", "SELECT COUNT(*) FROM scheduled_task");
        COUNTS.put("matches", "SELECT COUNT(*) FROM mentorship_match");
    }

    /**
     * Every command's DMs go to one workspace: at Slack's real pace (300 a minute) the outbox would only grow, and the
     * run would measure the pace instead of the retention.
     */
    private static final String UNPACED = "slack=1000/1s,1000000/1m";

    private LongRun() {
    }

    static void run() throws Exception {
        long total = Long.parseLong(System.getProperty("bench.commands", "1000000"));
        int intervals = Bench.intProperty("bench.intervals", Integer.MAX_VALUE);
        int seconds = Bench.intProperty("bench.intervalSeconds", 20);
        int connections = Bench.intProperty("bench.connections", 16);
        int perInterval = Bench.intProperty("bench.distinct", 40_000);
        Duration step = Duration.ofSeconds(Bench.intProperty("bench.clockStep", 120));
        Path dir = Files.createTempDirectory("long-bench");
        Path db = dir.resolve("long.db");
        AdjustableClock clock = AdjustableClock.system();
        System.out.printf("== long run: %,d distinct commands, %d s intervals of up to %,d, %d connections; the bot's"
                + " clock moves %s per interval, retention 10m, send pace %s%n", total, seconds, perInterval, connections,
                step, UNPACED);
        System.out.println("interval | commands so far | rate/s | p99 | non-2xx | " + String.join(" | ", COUNTS.keySet())
                + " | db MB | load");
        try (BenchSlack slack = BenchSlack.unlimited();
             Server server = Server.start(Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET",
                     ServeProcess.SECRET, "SLACK_API_URL", slack.apiUrl(), "PORT", "0", "GUILDHALL_DB", db.toString(),
                     "GUILDHALL_RETENTION", "10m", "GUILDHALL_SEND_PACE", UNPACED), clock, false)) {
            String url = "http://127.0.0.1:" + server.port() + "/slack/events";
            long sent = 0;
            long serial = 0;
            Random random = new Random(19);
            for (int interval = 1; sent < total && interval <= intervals; interval++) {
                Path requests = dir.resolve("requests.txt");
                serial = writeRequests(requests, random, serial, perInterval, clock.instant().getEpochSecond());
                Bench.WrkResult result = wrk(url, requests, dir.resolve("replay.lua"), seconds, connections);
                sent += result.requests();
                if (result.requests() > perInterval) {
                    System.out.println("   (wrk went past the interval's distinct requests: raise -Dbench.distinct)");
                }
                clock.advance(step);
                Thread.sleep(2_000); // a tick or two: the purge runs on the tick, once per minute of the bot's clock
                System.out.printf("%d | %,d | %.0f | %s | %d | %s | %.1f | %s%n", interval, sent, result.rate(),
                        result.p99(), result.non2xx(), sizes(db), (Files.size(db)
                                + sizeOr0(Path.of(db + "-wal"))) / 1e6, Bench.load());
            }
        }
    }

    /** One interval's distinct commands, signed at {@code timestamp} (the bot's clock): ts, signature, body. */
    private static long writeRequests(Path file, Random random, long serial, int count, long timestamp)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ServeProcess.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                String user = String.format("U%05d", random.nextInt(5_000));
                String topic = "topic" + random.nextInt(300);
                double kind = random.nextDouble();
                String body = form(Map.of("token", "x", "team_id", "T111", "team_domain", "bench", "channel_id", "C111",
                        "user_id", user, "user_name", user.toLowerCase(), "command", kind < .5 ? "/learn" : "/teach",
                        "text", kind < .75 ? topic : "list", "response_url", "http://127.0.0.1:9/respond",
                        "trigger_id", (++serial) + ".long.x"));
                String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                        .getBytes(StandardCharsets.UTF_8)));
                out.write(timestamp + " " + signature + " " + body + "\n");
            }
        }
        return serial;
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static Bench.WrkResult wrk(String url, Path requests, Path lua, int seconds, int connections)
            throws Exception {
        Files.writeString(lua, """
                local n = 0
                function setup(thread) thread:set("tid", n); n = n + 1 end
                function init(args)
                  reqs = {}
                  for l in io.lines("%s") do local a, b, c = l:match("(%%S+) (%%S+) (%%S+)"); reqs[#reqs + 1] = {a, b, c} end
                  i = tid; step = 2
                end
                function request()
                  local r = reqs[(i %% #reqs) + 1]; i = i + step
                  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded",
                    ["X-Slack-Request-Timestamp"] = r[1], ["X-Slack-Signature"] = r[2]}, r[3])
                end
                """.formatted(requests));
        Process run = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
                lua.toString(), url).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.append(line).append('\n');
            }
        }
        if (run.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return Bench.WrkResult.parse(out.toString(), Bench.load());
    }

    private static String sizes(Path db) throws Exception {
        StringBuilder sizes = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            for (String query : COUNTS.values()) {
                try (ResultSet count = statement.executeQuery(query)) {
                    count.next();
                    sizes.append(sizes.isEmpty() ? "" : " | ").append(String.format("%,d", count.getLong(1)));
                }
            }
        }
        return sizes.toString();
    }

    private static long sizeOr0(Path file) throws Exception {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
