package dev.guildhall.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged bot as an operator runs it: {@code java -jar target/guildhall.jar serve} in its own process, on a free
 * port, with only the variables a test gives it; ready once {@code /healthz} answers.
 */
public final class ServeJar implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServeJar(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts it and waits (bounded) until it is healthy; {@code env} comes on top of a clean environment. */
    public static ServeJar start(Path log, Map<String, String> env) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", "target/guildhall.jar", "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("GUILDHALL_")
                || name.startsWith("MICROSOFT_"));
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        ServeJar serve = new ServeJar(builder.start(), port, log);
        serve.awaitHealthy();
        return serve;
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("guildhall serve stopped while starting:\n" + log());
            }
            try {
                HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("guildhall serve did not come up:\n" + log());
    }

    /** A polite stop (SIGTERM), then a forced one if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
