package dev.guildhall.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real {@code java -jar target/guildhall.jar serve} in its own process, as an operator starts it. */
final class ServeProcess implements AutoCloseable {
    static final String SECRET = "s3cret";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    final Process process;
    final int port;
    /** From spawning the JVM to the first {@code 200 ok} from {@code /healthz}. */
    final double readySeconds;

    private ServeProcess(Process process, int port, double readySeconds) {
        this.process = process;
        this.port = port;
        this.readySeconds = readySeconds;
    }

    static ServeProcess start(Path jar, Path db, String apiUrl, List<String> jvmFlags, Map<String, String> env,
                              Path log) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", apiUrl, "PORT", String.valueOf(port), "GUILDHALL_DB", db.toString()));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        URI health = URI.create("http://127.0.0.1:" + port + "/healthz");
        long deadline = start + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("serve exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofMillis(500)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new ServeProcess(process, port, (System.nanoTime() - start) / 1e9);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("serve did not answer /healthz within 60 s; see " + log);
    }

    String eventsUrl() {
        return "http://127.0.0.1:" + port + "/slack/events";
    }

    /** Resident memory of the process, from /proc/PID/status, in MB. */
    double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** SIGKILL: no shutdown hook, no flush, like a power cut of the process. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
