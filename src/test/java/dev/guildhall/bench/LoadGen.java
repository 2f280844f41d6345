package dev.guildhall.bench;

import com.slack.api.app_backend.SlackSignature;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator, run in its own JVM so it does not share a heap or JIT with the server it measures. Sends
 * signed slash commands to {@code /slack/events}:
 * <ul>
 * <li>{@code rate R N}: open loop, request i is due at start + i/R whether or not earlier ones were answered, and its
 *     latency counts from when it was due (no coordinated omission: a stall shows as latency, not as fewer requests);
 * <li>{@code saturate C N}: C clients, each sending its next request when the previous one is answered.
 * </ul>
 * Prints one {@code RESULT} line. With an acked-file, writes "user topic" for every /learn that was acked with 200.
 * <pre>java -cp ... dev.guildhall.bench.LoadGen URL SECRET rate|saturate R|C N [acked-file]</pre>
 */
public final class LoadGen {
    static final int TOPICS = 300;
    static final int USERS = 5_000;

    private final HttpClient client;
    private final URI url;
    private final SlackSignature.Generator signer;
    private final String responseUrl;
    private final PrintWriter acked;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    private final AtomicLong ok = new AtomicLong();

    private LoadGen(URI url, String secret, String responseUrl, PrintWriter acked, ExecutorService executor) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.url = url;
        this.signer = new SlackSignature.Generator(secret);
        this.responseUrl = responseUrl;
        this.acked = acked;
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String secret = args[1];
        String mode = args[2];
        int param = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        PrintWriter acked = args.length > 5 ? new PrintWriter(Files.newBufferedWriter(Path.of(args[5])), true) : null;
        String responseUrl = System.getProperty("bench.responseUrl", "http://127.0.0.1:9/respond/x");
        ExecutorService executor = Executors.newFixedThreadPool(mode.equals("saturate") ? param + 2 : 16);
        LoadGen gen = new LoadGen(url, secret, responseUrl, acked, executor);
        // The client JVM is cold too: warm it (and the server) up first, unmeasured, or the first seconds of an open
        // loop measure the load generator's JIT.
        int warmUp = Integer.getInteger("bench.warmUp", 1_500);
        if (warmUp > 0) {
            gen.closedLoop(executor, 4, warmUp, new long[warmUp]);
            gen.ok.set(0);
            gen.errors.set(0);
            gen.slow.set(0);
        }
        long[] latencies = new long[count];
        long started = System.nanoTime();
        if (mode.equals("rate")) {
            gen.openLoop(param, count, latencies);
        } else {
            gen.closedLoop(executor, param, count, latencies);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        executor.shutdownNow();
        Stats stats = Stats.of(latencies);
        System.out.printf("RESULT ok=%d errors=%d over3s=%d seconds=%.3f rps=%.1f p50=%.3f p90=%.3f p99=%.3f max=%.3f%n",
                gen.ok.get(), gen.errors.get(), gen.slow.get(), seconds, count / seconds, stats.p50(), stats.p90(),
                stats.p99(), stats.max());
        if (acked != null) {
            acked.close();
        }
    }

    private void openLoop(int perSecond, int count, long[] latencies) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            Command command = command(i);
            client.sendAsync(signed(command), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        latencies[index] = System.nanoTime() - due;
                        record(command, response, failure, latencies[index]);
                        done.countDown();
                    });
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            errors.addAndGet((int) done.getCount());
        }
    }

    private void closedLoop(ExecutorService executor, int clients, int count, long[] latencies)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            executor.execute(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        Command command = command(i);
                        long start = System.nanoTime();
                        HttpResponse<String> response = null;
                        Throwable failure = null;
                        try {
                            response = client.send(signed(command), HttpResponse.BodyHandlers.ofString());
                        } catch (IOException | RuntimeException e) {
                            failure = e;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies[i] = System.nanoTime() - start;
                        record(command, response, failure, latencies[i]);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(300, TimeUnit.SECONDS);
    }

    private void record(Command command, HttpResponse<String> response, Throwable failure, long nanos) {
        if (nanos > 3_000_000_000L) {
            slow.incrementAndGet();
        }
        if (failure != null || response.statusCode() != 200) {
            errors.incrementAndGet();
            return;
        }
        ok.incrementAndGet();
        if (acked != null && command.name().equals("/learn")) {
            synchronized (acked) {
                acked.println(command.user() + " " + command.text());
            }
        }
    }

    record Command(String user, String name, String text) {
    }

    /** A mix a busy workspace might send: asking to learn, offering to teach, listing offers. */
    static Command command(int i) {
        String user = "U" + (i % USERS);
        return switch (i % 4) {
            case 0, 2 -> new Command(user, "/learn", "topic" + ((i / 4) % TOPICS));
            case 1 -> new Command(user, "/teach", "topic" + ((i / 4 + 7) % TOPICS));
            default -> new Command(user, "/teach", "list");
        };
    }

    private HttpRequest signed(Command command) {
        return signed(url, signer, responseUrl, command);
    }

    /** One signed slash command, answered before this returns: for setting a scene up, not for measuring. */
    static HttpResponse<String> sendOne(String url, String secret, Command command) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(signed(URI.create(url), new SlackSignature.Generator(secret), "http://127.0.0.1:9/r",
                command), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest signed(URI url, SlackSignature.Generator signer, String responseUrl, Command command) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "bench");
        fields.put("team_id", "T0BENCH");
        fields.put("team_domain", "bench");
        fields.put("channel_id", "C0BENCH");
        fields.put("channel_name", "bench");
        fields.put("user_id", command.user());
        fields.put("user_name", "n" + command.user());
        fields.put("command", command.name());
        fields.put("text", command.text());
        fields.put("api_app_id", "A0BENCH");
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", System.nanoTime() + "." + Thread.currentThread().getId());
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signer.generate(timestamp, body.toString()))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
