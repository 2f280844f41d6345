package dev.guildhall.app;

import dev.guildhall.ops.JdkLogging;
import dev.guildhall.admin.DataExport;
import dev.guildhall.config.ConfigException;
import dev.guildhall.config.Env;
import dev.guildhall.console.ConsoleApp;
import dev.guildhall.core.FileUpload;
import dev.guildhall.store.Database;
import dev.guildhall.core.AdjustableClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar target/guildhall.jar [console [--script FILE] [--json] | serve | socket]}. */
public final class Main {
    static final String USAGE = """
            Usage: java -jar target/guildhall.jar [command]
              console [--script FILE] [--json]   the bot in your terminal, no workspace needed (the default)
                                                 --script runs the lines of FILE (- for standard input);
                                                 --json prints every outbound message as one JSON line
              serve                              the bot for Slack and/or Teams: GET /healthz on PORT (default 3000);
                                                 Slack: POST /slack/events, needs SLACK_BOT_TOKEN and
                                                 SLACK_SIGNING_SECRET (SLACK_APP_TOKEN instead: Socket Mode);
                                                 Teams: POST /api/messages, needs MICROSOFT_APP_ID,
                                                 MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID
              socket                             the Slack bot over Socket Mode: needs SLACK_BOT_TOKEN and
                                                 SLACK_APP_TOKEN, no public URL
              health                             asks GET /healthz of the serve on PORT: exit 0 when it answers
                                                 200 (the container's HEALTHCHECK)
              export FOLDER                      every table of GUILDHALL_DB into FOLDER: one JSON file and a CSV
                                                 per table (what /guildhall admin export sends on Slack)
            Settings come from environment variables: GUILDHALL_DB (default ./guildhall.db; or
            jdbc:postgresql://host/db with GUILDHALL_DB_USER, GUILDHALL_DB_PASSWORD and GUILDHALL_SESSION_SECRET
            for several replicas), GUILDHALL_TOPIC_ALIASES, GUILDHALL_MATCH_DEADLINE (default 3d),
            SLACK_API_URL (default Slack's),
            GUILDHALL_SEND_PACE (default slack=1/1s,300/1m;teams=7/1s,1800/1m: per channel, per workspace),
            GUILDHALL_RETENTION (default 1d), GUILDHALL_ADMINS, LOG_FORMAT (keyvalue or json); all listed in
            .env.example.""";

    private Main() {
    }

    public static void main(String[] args) {
        JdkLogging.routeThroughSlf4j();
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        String command = args.isEmpty() || args.get(0).startsWith("--") ? "console" : args.get(0);
        List<String> rest = args.isEmpty() || args.get(0).startsWith("--") ? args : args.subList(1, args.size());
        try {
            return switch (command) {
                case "console" -> console(consoleOptions(rest), Config.from(System.getenv()),
                        AdjustableClock.system(), System.in, System.out);
                case "serve" -> serve(rest, false);
                case "socket" -> serve(rest, true);
                case "export" -> export(rest);
                case "health" -> health(System.getenv());
                case "help", "-h" -> {
                    System.out.println(USAGE);
                    yield 0;
                }
                default -> throw new UsageError("Unknown command \"" + command + "\".");
            };
        } catch (UsageError e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 64;
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return 78;
        } catch (Exception e) {
            System.err.println("Guildhall stopped: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    /** The console on a bot wired here from the settings: the console itself knows nothing of the wiring. */
    public static int console(ConsoleApp.Options options, Config config, AdjustableClock clock, InputStream in,
                              PrintStream out) throws IOException {
        return ConsoleApp.run(options, adapters -> Wiring.guildhall(config, clock, adapters), in, out);
    }

    private static int serve(List<String> args, boolean socket) throws Exception {
        if (!args.isEmpty()) {
            throw new UsageError((socket ? "socket" : "serve") + " takes no options; settings come from environment"
                    + " variables.");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Server server = Server.start(System.getenv(), AdjustableClock.system(), socket);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println(server.description());
        stopped.await();
        return 0;
    }

    static int health(java.util.Map<String, String> env) {
        int port = Server.port(env);
        try {
            java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newBuilder()
                    .connectTimeout(java.time.Duration.ofSeconds(3)).build()
                    .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                    + "/healthz")).timeout(java.time.Duration.ofSeconds(3)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (java.io.IOException e) {
            System.err.println("GET /healthz on port " + port + " failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int export(List<String> args) throws java.io.IOException {
        if (args.size() != 1) {
            throw new UsageError("export needs one folder to write into, like: export ./guildhall-export");
        }
        Path folder = Path.of(args.get(0));
        java.nio.file.Files.createDirectories(folder);
        try (Database database = Database.open(Config.from(System.getenv()).database())) {
            DataExport export = database.read(handle -> DataExport.read(handle, java.time.Instant.now()));
            FileUpload json = export.json();
            java.nio.file.Files.write(folder.resolve(json.fileName()), json.content());
            for (var csv : export.csvFiles().entrySet()) {
                java.nio.file.Files.writeString(folder.resolve(csv.getKey()), csv.getValue());
            }
            System.out.println("Exported " + export.counts().size() + " tables to " + folder.toAbsolutePath()
                    + ": " + json.fileName() + " and one CSV per table. They hold everyone's data: keep them safe.");
        }
        return 0;
    }

    static ConsoleApp.Options consoleOptions(List<String> args) {
        Path script = null;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--json" -> json = true;
                case "--script" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageError("--script needs a file, like --script demo.txt");
                    }
                    script = Path.of(args.get(++i));
                }
                case "--help", "-h" -> throw new UsageError("");
                default -> throw new UsageError("Unknown option \"" + args.get(i) + "\" for console.");
            }
        }
        String files = Env.value(System.getenv(), ConsoleApp.Options.FILES_DIR).orElse(ConsoleApp.Options.DEFAULT_FILES_DIR);
        return new ConsoleApp.Options(script, json, Path.of(files));
    }

    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
