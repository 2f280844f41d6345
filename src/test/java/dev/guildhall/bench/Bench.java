package dev.guildhall.bench;

import dev.guildhall.app.Server;
import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.testing.RecordingChatPort;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.guildhall.core.AdjustableClock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The performance and reliability harness (issue 10). Not part of {@code mvn verify}; run it with
 * <pre>mvn -B -q -Pbench package -DskipTests [-Dbench=all|ack|match|fanout|scheduler|footprint|crash|wrk]</pre>
 * Every figure is printed next to its baseline or goal, measured in the same run.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 || args[0].isBlank() || args[0].equals("all")
                ? List.of("machine", "ack", "match", "fanout", "scheduler", "footprint", "crash")
                : new ArrayList<>(Arrays.asList(args[0].split(",")));
        if (!which.contains("machine")) {
            which.add(0, "machine");
        }
        for (String part : which) {
            switch (part) {
                case "machine" -> machine();
                case "ack" -> ack();
                case "wrk" -> wrk();
                case "ceiling" -> ceiling(intProperty("bench.seconds", 10), intProperty("bench.connections", 16), 0);
                case "match" -> match();
                case "fanout" -> fanOut();
                case "scheduler" -> scheduler();
                case "footprint" -> footprint();
                case "crash" -> crash();
                case "long" -> LongRun.run();
                default -> throw new IllegalArgumentException("unknown part " + part
                        + "; use all, ack, match, fanout, scheduler, footprint, crash, wrk (not in all: needs wrk), ceiling or long (needs wrk)");
            }
        }
        System.exit(0);
    }

    static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(fallback)));
    }

    private static void machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        System.out.printf("== machine: %d cores, %s, %s, JDK %s (%s)%n", Runtime.getRuntime().availableProcessors(),
                cpu, memory, System.getProperty("java.version"), System.getProperty("java.vm.name"));
        System.out.println("== load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    // ---------------------------------------------------------------- 1. slash-command acks

    private static void ack() throws Exception {
        int rate = intProperty("bench.rate", 200);
        int rateCount = intProperty("bench.rateCount", 4_000);
        int clients = intProperty("bench.clients", 16);
        int saturateCount = intProperty("bench.saturateCount", 10_000);
        Path db = Files.createTempDirectory("ack-bench").resolve("ack.db");
        System.out.println("== 1. slash-command acks over HTTP (load generator in its own JVM)");
        try (BenchSlack slack = BenchSlack.unlimited();
             Server guildhall = serveSlack(slack, db);
             BareBolt bare = new BareBolt(slack.apiUrl(), ServeProcess.SECRET)) {
            String bot = "http://127.0.0.1:" + guildhall.port() + "/slack/events";
            loadGen(bare.url(), "saturate", 8, 3_000, null, slack);
            loadGen(bot, "saturate", 8, 3_000, null, slack);
            Map<String, String> bareRate = loadGen(bare.url(), "rate", rate, rateCount, null, slack);
            Map<String, String> botRate = loadGen(bot, "rate", rate, rateCount, null, slack);
            Map<String, String> bareMax = loadGen(bare.url(), "saturate", clients, saturateCount, null, slack);
            Map<String, String> botMax = loadGen(bot, "saturate", clients, saturateCount, null, slack);
            System.out.printf("  at %d/s open loop: bare Bolt p50 %s p99 %s max %s ms | Guildhall p50 %s p99 %s max %s"
                            + " ms | p99 ratio %.2f (goal <= 1.5) | errors %s/%s | acks over 3 s: %s/%s | load %s%n",
                    rate, bareRate.get("p50"), bareRate.get("p99"), bareRate.get("max"), botRate.get("p50"),
                    botRate.get("p99"), botRate.get("max"), ratio(botRate, bareRate, "p99"), bareRate.get("errors"),
                    botRate.get("errors"), bareRate.get("over3s"), botRate.get("over3s"), load());
            System.out.printf("  saturation (%d clients): bare Bolt %s/s p50 %s p99 %s ms | Guildhall %s/s p50 %s p99 %s"
                            + " max %s ms (goal >= 1000/s) | p99 ratio %.2f | errors %s/%s | load %s%n", clients,
                    bareMax.get("rps"), bareMax.get("p50"), bareMax.get("p99"), botMax.get("rps"), botMax.get("p50"),
                    botMax.get("p99"), botMax.get("max"), ratio(botMax, bareMax, "p99"), bareMax.get("errors"),
                    botMax.get("errors"), load());
        }
    }

    /**
     * Acks measured with wrk ({@code ../shared/bench/slack_bench.sh}, or {@code -Dbench.script=…}): the bare Bolt
     * app and the bot, both on the project's HTTP server, one after the other in the same JVM and run, then the
     * ratio of their rates; then the ceiling: the bot's own transactions in a loop in this JVM, no HTTP. Installs wrk
     * with apt-get when it is missing and this runs as root.
     */
    private static void wrk() throws Exception {
        Path script = Path.of(System.getProperty("bench.script", "../shared/bench/slack_bench.sh"));
        String seconds = System.getProperty("bench.seconds", "10");
        String connections = System.getProperty("bench.connections", "16");
        String distinct = System.getProperty("bench.distinct", "150000");
        String warmUpSeconds = System.getProperty("bench.warmUp", "5");
        if (!Files.isReadable(script)) {
            throw new IllegalStateException(script + " not found; pass -Dbench.script=/path/to/slack_bench.sh");
        }
        ensureWrk();
        Path db = Files.createTempDirectory("wrk-bench").resolve("ack.db");
        System.out.println("== acks with wrk: " + script + " URL SECRET " + seconds + " " + connections + " "
                + distinct);
        Map<String, WrkResult> results = new LinkedHashMap<>();
        try (BenchSlack slack = BenchSlack.unlimited();
             Server guildhall = serveSlack(slack, db);
             BareBolt bare = new BareBolt(slack.apiUrl(), ServeProcess.SECRET)) {
            String bot = "http://127.0.0.1:" + guildhall.port() + "/slack/events";
            for (String[] target : List.of(new String[] {"bare Bolt", bare.url()}, new String[] {"Guildhall", bot})) {
                Process warmUp = new ProcessBuilder("bash", script.toString(), target[1], ServeProcess.SECRET,
                        warmUpSeconds, connections, "20000").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (warmUp.waitFor() != 0) {
                    throw new IllegalStateException("the warm-up run of slack_bench.sh failed for " + target[0]);
                }
                String load = load();
                System.out.println("-- " + target[0] + " (load " + load + ", after a " + warmUpSeconds
                        + " s warm-up)");
                Map<String, Long> cpuBefore = cpuByThreadGroup();
                Process run = new ProcessBuilder("bash", script.toString(), target[1], ServeProcess.SECRET, seconds,
                        connections, distinct).redirectErrorStream(true).start();
                StringBuilder out = new StringBuilder();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        System.out.println(line);
                        out.append(line).append('\n');
                    }
                }
                if (run.waitFor() != 0) {
                    throw new IllegalStateException("slack_bench.sh failed for " + target[0]);
                }
                results.put(target[0], WrkResult.parse(out.toString(), load));
                printCpuPerRequest(cpuBefore, cpuByThreadGroup(), results.get(target[0]).requests());
            }
        }
        WrkResult bareBolt = results.get("bare Bolt");
        WrkResult bot = results.get("Guildhall");
        System.out.printf("RESULT wrk: bare Bolt %.0f/s p99 %s (load %s) | Guildhall %.0f/s p99 %s (load %s) | ratio"
                        + " %.2f (goal >= 0.5) | p99 ratio %.1f (goal <= 3) | Guildhall non-2xx %d, socket errors %s"
                        + " | requests %d of %s distinct%n",
                bareBolt.rate(), bareBolt.p99(), bareBolt.load(), bot.rate(), bot.p99(), bot.load(),
                bot.rate() / bareBolt.rate(), bot.p99Millis() / bareBolt.p99Millis(), bot.non2xx(), bot.socketErrors(),
                bot.requests(), distinct);
        ceiling(Integer.parseInt(seconds), Integer.parseInt(connections), bot.rate());
    }

    /** What wrk printed for one app. */
    record WrkResult(double rate, String p99, long requests, int non2xx, String socketErrors, String load) {
        static WrkResult parse(String out, String load) {
            Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
            Matcher p99 = Pattern.compile("(?m)^\\s+99%\\s+(\\S+)").matcher(out);
            Matcher requests = Pattern.compile("(\\d+) requests in").matcher(out);
            Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)")
                    .matcher(out);
            Matcher errors = Pattern.compile("Socket errors: (.*)").matcher(out);
            if (!rate.find() || !p99.find() || !requests.find()) {
                throw new IllegalStateException("wrk printed no rate, p99 or count:\n" + out);
            }
            return new WrkResult(Double.parseDouble(rate.group(1)), p99.group(1), Long.parseLong(requests.group(1)),
                    non2xx.find() ? Integer.parseInt(non2xx.group(1)) : 0, errors.find() ? errors.group(1) : "none",
                    load);
        }

        double p99Millis() {
            double value = Double.parseDouble(p99.replaceAll("[a-z]+$", ""));
            return p99.endsWith("us") ? value / 1000 : p99.endsWith("ms") ? value : value * 1000;
        }
    }

    /**
     * The ceiling for the bot: the same mix of commands (half /learn, a quarter /teach, a quarter /teach list; 300
     * topics; 5,000 people) handed straight to {@code Guildhall.handle} by as many threads as wrk had connections,
     * on a fresh SQLite file — every transaction and group commit, no HTTP, no Bolt, no outbox delivery.
     */
    private static void ceiling(int seconds, int threads, double overHttp) throws Exception {
        Path db = Files.createTempDirectory("ceiling-bench").resolve("ceiling.db");
        Config config = Config.from(Map.of(Config.DB,
                db.toString()));
        try (Guildhall bot = Wiring.guildhall(config, AdjustableClock.system(),
                Map.of("slack", new RecordingChatPort("slack")))) {
            bot.start();
            AtomicLong handled = new AtomicLong();
            AtomicLong serial = new AtomicLong();
            AtomicBoolean warm = new AtomicBoolean(true);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(t);
                Thread worker = new Thread(() -> {
                    while (running.get()) {
                        bot.handle(benchCommand(random, serial.incrementAndGet()));
                        if (!warm.get()) {
                            handled.incrementAndGet();
                        }
                    }
                });
                worker.start();
                workers.add(worker);
            }
            Thread.sleep(3_000); // warm-up, unmeasured
            warm.set(false);
            long started = System.nanoTime();
            long writerCpu = threadCpu("sqlite-writer");
            long processCpu = processCpu();
            Thread.sleep(seconds * 1_000L);
            long count = handled.get();
            double rate = count / ((System.nanoTime() - started) / 1e9);
            double writerMs = (threadCpu("sqlite-writer") - writerCpu) / 1e6 / count;
            double processMs = (processCpu() - processCpu) / 1e6 / count;
            running.set(false);
            for (Thread worker : workers) {
                worker.join();
            }
            System.out.printf("RESULT ceiling (in this JVM, no HTTP, %d threads): %.0f commands/s, %.1f per group | "
                            + "on-CPU per command: writer thread %.3f ms, whole process %.3f ms | "
                            + "Guildhall over HTTP is %.2f of it | load %s%n", threads, rate,
                    (double) serial.get() / bot.database().groupsCommitted(), writerMs, processMs, overHttp / rate,
                    load());
        }
    }

    /** On-CPU time of this JVM's threads by name, digits folded ("http-12" counts as "http-N"), in nanoseconds. */
    static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long nanos = threads.getThreadCpuTime(thread.getId());
            if (nanos > 0) {
                cpu.merge(thread.getName().replaceAll("\\d+", "N"), nanos, Long::sum);
            }
        }
        return cpu;
    }

    /** Where each request's CPU went, by thread group: what the run added, divided by the requests served. */
    static void printCpuPerRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        StringBuilder line = new StringBuilder("   on-CPU per request by thread:");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> line.append(String.format(" %s %.3f ms,", e.getKey(), e.getValue() / 1e6 / requests)));
        System.out.println(line + String.format(" all live threads %.3f ms", (processCpuOf(after) - processCpuOf(before))
                / 1e6 / requests));
    }

    private static long processCpuOf(Map<String, Long> cpu) {
        return cpu.values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU time of the live thread with this name, in nanoseconds (0 if none). */
    static long threadCpu(String name) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Inbound benchCommand(Random random, long serial) {
        String user = String.format("U%05d", random.nextInt(5_000));
        String topic = "topic" + random.nextInt(300);
        double kind = random.nextDouble();
        String name = kind < .5 ? "/learn" : "/teach";
        String text = kind < .75 ? topic : "list";
        PersonId id = PersonId.of("slack", "T111", user);
        return Inbound.of(new Command(
                        Person.of(id, user.toLowerCase()),
                        Optional.of(ChannelId.of("slack", "T111", "C111")), name, text))
                .withRequestId("bench:" + serial);
    }

    private static void ensureWrk() throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() == 0) {
            return;
        }
        System.out.println("== installing wrk (apt-get)");
        Process install = new ProcessBuilder("sh", "-c", "apt-get update -qq && apt-get install -y -qq wrk")
                .inheritIO().start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("wrk is missing and could not be installed: apt-get install -y wrk");
        }
    }

    /** The bot serving {@code /slack/events} over HTTP, its Web API pointed at {@code slack}. */
    private static Server serveSlack(BenchSlack slack, Path db) throws Exception {
        return Server.start(Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", ServeProcess.SECRET,
                "SLACK_API_URL", slack.apiUrl(), "PORT", "0", "GUILDHALL_DB", db.toString()), AdjustableClock.system(),
                false);
    }

    private static double ratio(Map<String, String> a, Map<String, String> b, String key) {
        return Double.parseDouble(a.get(key)) / Double.parseDouble(b.get(key));
    }

    /** Runs {@link LoadGen} in a second JVM and returns its RESULT fields. */
    static Map<String, String> loadGen(String url, String mode, int param, int count, Path acked, BenchSlack slack)
            throws Exception {
        return loadGen(url, mode, param, count, acked, slack, 1_500);
    }

    static Map<String, String> loadGen(String url, String mode, int param, int count, Path acked, BenchSlack slack,
                                       int warmUp) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx256m", "-Dbench.responseUrl=" + slack.responseUrl(),
                "-Dbench.warmUp=" + warmUp,
                "-cp", System.getProperty("java.class.path"), LoadGen.class.getName(), url, ServeProcess.SECRET, mode,
                String.valueOf(param), String.valueOf(count)));
        if (acked != null) {
            command.add(acked.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> result = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    for (String pair : line.substring(7).split(" ")) {
                        String[] kv = pair.split("=", 2);
                        result.put(kv[0], kv[1]);
                    }
                } else if (!line.isBlank() && !line.contains("SLF4J")) {
                    System.out.println("  [loadgen] " + line);
                }
            }
        }
        process.waitFor();
        if (result.isEmpty()) {
            throw new IllegalStateException("the load generator printed no RESULT");
        }
        return result;
    }

    // ---------------------------------------------------------------- 2. matching at scale

    private static void match() throws Exception {
        System.out.println("== 2. matching: time for /learn and /teach to decide a match (bot.handle, one transaction)");
        int samples = intProperty("bench.matchSamples", 500);
        for (String size : System.getProperty("bench.people", "1000,10000,100000").split(",")) {
            MatchBench.Result r = MatchBench.run(Integer.parseInt(size.strip()), samples);
            System.out.printf("  %,7d people %,6d topics %,6d waiting tickets (seeded in %.1f s): /learn %s | /teach %s"
                            + " | on-CPU p99 /learn %.2f ms /teach %.2f ms"
                            + " | learners proposed to %d of %d, teachers who got a proposal %d of %d | load %s%n",
                    r.people(), r.topics(), r.tickets(), r.seedSeconds(), r.learn(), r.teach(), r.learnCpu().p99(),
                    r.teachCpu().p99(), r.learnMatched(),
                    2 * r.samples(), r.teachMatched(), 2 * r.samples(), load());
        }
    }

    // ---------------------------------------------------------------- 3. fan-out under a rate limit

    private static void fanOut() throws Exception {
        int members = intProperty("bench.members", 10_000);
        int limit = intProperty("bench.limit", 250);
        System.out.printf("== 3. announcement to %,d members, fake Slack allowing %d chat.postMessage/s (429 +"
                + " Retry-After beyond)%n", members, limit);
        for (String pace : List.of("slack=1/1s," + limit + "/1s", "slack=1/1s," + (limit * 4) + "/1s")) {
            RateLimitedFanOut.Result r = RateLimitedFanOut.run(members, limit, pace);
            System.out.printf("  GUILDHALL_SEND_PACE=%s: %.1f s vs floor %.1f s = %.2fx (goal <= 1.1) | delivered %d,"
                            + " lost %d, duplicates %d | 429s %d | progress updates %d | load %s%n", r.pace(),
                    r.seconds(), r.floor(), r.ratio(), r.delivered(), r.lost(), r.duplicates(), r.rateLimited(),
                    r.progressUpdates(), load());
        }
    }

    // ---------------------------------------------------------------- 4. scheduler

    private static void scheduler() throws Exception {
        int reminders = intProperty("bench.reminders", 10_000);
        System.out.printf("== 4. %,d reminders due within one minute (real clock, Quartz Ticker, DueTaskRunner)%n",
                reminders);
        SchedulerBench.Result r = SchedulerBench.run(reminders, 60_000);
        System.out.printf("  lateness %s (goal p99 < 2000 ms) | ran %d, missed %d, doubled %d | rows done %d, DMs"
                + " queued %d | load %s%n", r.lateness(), r.ran(), r.missed(), r.doubled(), r.doneRows(),
                r.outboxRows(), load());
    }

    // ---------------------------------------------------------------- 5. footprint

    private static void footprint() throws Exception {
        Path jar = Path.of("target/guildhall.jar");
        System.out.println("== 5. footprint of java -jar " + jar + " serve");
        String flags = System.getProperty("bench.jvmFlags", "");
        List<String> small = List.of("-Xmx128m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        Path archive = Files.createTempDirectory("footprint-cds").resolve("guildhall.jsa");
        List<List<String>> variants = new ArrayList<>();
        variants.add(List.of());
        variants.add(small);
        List<String> cds = new ArrayList<>(small);
        cds.add("-XX:SharedArchiveFile=" + archive);
        variants.add(cds);
        if (!flags.isBlank()) {
            variants.add(List.of(flags.split(" ")));
        }
        // Class data sharing: one run that writes the archive of the classes it loaded when it exits.
        List<String> dump = new ArrayList<>(small);
        dump.add("-XX:ArchiveClassesAtExit=" + archive);
        Path dumpDir = Files.createTempDirectory("footprint-cds-dump");
        try (BenchSlack slack = BenchSlack.unlimited();
             ServeProcess serve = ServeProcess.start(jar, dumpDir.resolve("cds.db"), slack.apiUrl(), dump, Map.of(),
                     dumpDir.resolve("serve.log"))) {
            loadGen(serve.eventsUrl(), "saturate", 4, 500, null, slack, 0);
        }
        for (List<String> jvm : variants) {
            double[] ready = new double[5];
            for (int i = 0; i < ready.length; i++) {
                Path startDir = Files.createTempDirectory("footprint-start");
                try (BenchSlack slack = BenchSlack.unlimited();
                     ServeProcess serve = ServeProcess.start(jar, startDir.resolve("start.db"), slack.apiUrl(), jvm,
                             Map.of(), startDir.resolve("serve.log"))) {
                    ready[i] = serve.readySeconds;
                }
            }
            Arrays.sort(ready);
            System.out.printf("  flags %s: ready in %.2f s median of 5 (min %.2f, max %.2f; goal < 3 s) | load %s%n",
                    jvm.isEmpty() ? "(none)" : String.join(" ", jvm), ready[2], ready[0], ready[4], load());
            Path dir = Files.createTempDirectory("footprint-bench");
            try (BenchSlack slack = BenchSlack.unlimited();
                 ServeProcess serve = ServeProcess.start(jar, dir.resolve("footprint.db"), slack.apiUrl(), jvm,
                         Map.of(), dir.resolve("serve.log"))) {
                Thread.sleep(5_000);
                double idle = serve.rssMb();
                double[] peak = {idle};
                AtomicBoolean running = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        try {
                            peak[0] = Math.max(peak[0], serve.rssMb());
                            Thread.sleep(100);
                        } catch (IOException | InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.start();
                Map<String, String> load = loadGen(serve.eventsUrl(), "saturate", 16, 10_000, null, slack);
                running.set(false);
                sampler.join();
                double after = serve.rssMb();
                System.out.printf("  flags %s: ready in %.2f s (goal < 3 s) | RSS idle %.0f MB, peak under load %.0f MB,"
                                + " after %.0f MB (goal < 300 MB) | under load %s/s p99 %s ms, errors %s | load %s%n",
                        jvm.isEmpty() ? "(none)" : String.join(" ", jvm), serve.readySeconds, idle, peak[0], after,
                        load.get("rps"), load.get("p99"), load.get("errors"), load());
            }
        }
    }

    // ---------------------------------------------------------------- reliability: kill -9

    private static void crash() throws Exception {
        Path jar = Path.of("target/guildhall.jar");
        System.out.println("== crash: kill -9 of java -jar " + jar + " serve under load, then a restart");
        Path dir = Files.createTempDirectory("crash-bench");
        Path db = dir.resolve("crash.db");
        Path acked = dir.resolve("acked.txt");
        try (BenchSlack slack = BenchSlack.unlimited()) {
            ServeProcess serve = ServeProcess.start(jar, db, slack.apiUrl(), List.of(), Map.of(),
                    dir.resolve("serve.log"));
            Thread killer = new Thread(() -> {
                try {
                    // Kill once a few hundred commands were acked (not after a fixed time: the load generator's JVM
                    // may take seconds to start on a busy machine), while the load keeps coming.
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (lines(acked) < 400 && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    serve.kill9();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            Map<String, String> load = loadGen(serve.eventsUrl(), "rate", 300, 3_000, acked, slack, 0);
            killer.join();
            try (ServeProcess restarted = ServeProcess.start(jar, db, slack.apiUrl(), List.of(), Map.of(),
                    dir.resolve("serve.log"))) {
                List<String> lines = Files.readAllLines(acked);
                int missing = 0;
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                     PreparedStatement q = c.prepareStatement(
                             "SELECT COUNT(*) FROM ticket WHERE learner_id = ? AND topic = ?")) {
                    for (String line : lines) {
                        String[] parts = line.split(" ");
                        q.setString(1, "slack:T0BENCH:" + parts[0]);
                        q.setString(2, parts[1]);
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            missing += rs.getInt(1) == 0 ? 1 : 0;
                        }
                    }
                    System.out.printf("  commands at 300/s: %s acked before the kill (%s failed once it was dead); /learn acked"
                                    + " %d, without their ticket after restart %d (goal 0) | integrity_check %s%n",
                            load.get("ok"), load.get("errors"), lines.size(), missing, integrity(c));
                }
                System.out.printf("  restart after kill -9: ready in %.2f s%n", restarted.readySeconds);
            }
        }
        crashDuringFanOut(jar);
    }

    private static void crashDuringFanOut(Path jar) throws Exception {
        int members = intProperty("bench.crashMembers", 3_000);
        int limit = 300;
        Path dir = Files.createTempDirectory("crash-fanout");
        Path db = dir.resolve("crash.db");
        Map<String, String> pace = Map.of("GUILDHALL_SEND_PACE", "slack=1/1s," + limit + "/1s");
        try (BenchSlack slack = BenchSlack.limited(limit)) {
            ServeProcess serve = ServeProcess.start(jar, db, slack.apiUrl(), List.of(), pace,
                    dir.resolve("serve.log"));
            LoadGen.sendOne(serve.eventsUrl(), ServeProcess.SECRET,
                    new LoadGen.Command("ULEAD", "/guild", "create bench \"Bench guild\""));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 5000");
                }
                c.setAutoCommit(false);
                long guild;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT id FROM guild WHERE slug = 'bench'")) {
                    rs.next();
                    guild = rs.getLong(1);
                }
                try (PreparedStatement person = c.prepareStatement("INSERT INTO person (id, display_name,"
                        + " first_seen_at, last_seen_at) VALUES (?, ?, 0, 0)");
                     PreparedStatement member = c.prepareStatement("INSERT INTO guild_member (guild_id, person_id,"
                             + " role, notify, joined_at) VALUES (?, ?, 'MEMBER', 1, ?)")) {
                    for (int i = 0; i < members; i++) {
                        person.setString(1, "slack:T0BENCH:U" + i);
                        person.setString(2, "m" + i);
                        person.addBatch();
                        member.setLong(1, guild);
                        member.setString(2, "slack:T0BENCH:U" + i);
                        member.setLong(3, i);
                        member.addBatch();
                    }
                    person.executeBatch();
                    member.executeBatch();
                }
                c.commit();
            }
            LoadGen.sendOne(serve.eventsUrl(), ServeProcess.SECRET,
                    new LoadGen.Command("ULEAD", "/guild", "announce bench Hello everyone"));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (delivered(slack, members) < members / 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            serve.kill9();
            long beforeKill = delivered(slack, members);
            try (ServeProcess restarted = ServeProcess.start(jar, db, slack.apiUrl(), List.of(), pace,
                    dir.resolve("serve.log"))) {
                deadline = System.nanoTime() + 120_000_000_000L;
                while (delivered(slack, members) < members && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(2_000);
                long duplicates = 0;
                for (int i = 0; i < members; i++) {
                    var count = slack.posts.get("DU" + i);
                    duplicates += count != null && count.get() > 1 ? count.get() - 1 : 0;
                }
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                    System.out.printf("  fan-out to %,d: killed after %d delivered; after restart delivered %d, lost %d"
                                    + " (goal 0), duplicates %d (goal 0; at most the claimed page in flight, up to 32 rows, can double) |"
                                    + " integrity_check %s%n", members, beforeKill, delivered(slack, members),
                            members - delivered(slack, members), duplicates, integrity(c));
                }
            }
        }
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long delivered(BenchSlack slack, int members) {
        long n = 0;
        for (int i = 0; i < members; i++) {
            n += slack.posts.containsKey("DU" + i) ? 1 : 0;
        }
        return n;
    }

    private static String integrity(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
