package dev.guildhall.console;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.ChatPort;
import dev.guildhall.schedule.Ticker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The bot with no workspace, like Hubot's shell. Interactive, it reads lines from the terminal and lets Quartz fire
 * timed work as real time passes; with {@code --script FILE} it runs the file's lines and delivers everything due
 * before it exits.
 */
public final class ConsoleApp {
    private ConsoleApp() {
    }

    /** {@code files}: where shared files (charts, exports) are written, since a terminal cannot show them. */
    public record Options(Path script, boolean json, Path files) {
        public static final String FILES_DIR = "GUILDHALL_FILES_DIR";
        /** Where files go when {@link #FILES_DIR} says nothing: beside where the console was started. */
        public static final String DEFAULT_FILES_DIR = "guildhall-files";
    }

    /** {@code wiring} builds the bot around the console's chat port (keyed by platform); the console closes it. */
    public static int run(Options options, Function<Map<String, ChatPort>, Guildhall> wiring, InputStream in,
                          PrintStream out) throws IOException {
        ConsoleOutput output = new ConsoleOutput(out, options.json());
        ConsoleChatPort port = new ConsoleChatPort(output, options.files());
        try (Guildhall bot = wiring.apply(Map.of(ConsoleChatPort.PLATFORM, port))) {
            ConsoleSession session = new ConsoleSession(bot, port, output);
            bot.start();
            bot.runDue();
            if (options.script() != null) {
                return runScript(options.script(), session, output, bot);
            }
            return runInteractive(in, out, session, bot, options.json());
        }
    }

    private static int runScript(Path script, ConsoleSession session, ConsoleOutput output, Guildhall bot)
            throws IOException {
        BufferedReader reader;
        try {
            reader = script.toString().equals("-")
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(script, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            output.error("The script " + script + " does not exist.");
            return 2;
        }
        boolean allWell = true;
        try (reader) {
            String line;
            while ((line = reader.readLine()) != null) {
                allWell &= session.run(line);
            }
        }
        bot.runDue();
        return allWell ? 0 : 1;
    }

    private static int runInteractive(InputStream in, PrintStream out, ConsoleSession session, Guildhall bot,
                                      boolean json) throws IOException {
        boolean terminal = System.console() != null && !json;
        if (terminal) {
            out.println("Guildhall console — you speak as anyone: @alice /teach kubernetes, then @bob /learn k8s."
                    + " Type help for more, Ctrl-D to quit.");
        }
        try (Ticker ticker = new Ticker(bot::runDue)) {
            ticker.start();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while (true) {
                if (terminal) {
                    out.print("> ");
                    out.flush();
                }
                line = reader.readLine();
                if (line == null) {
                    break;
                }
                session.run(line);
            }
        }
        bot.runDue();
        return 0;
    }
}
