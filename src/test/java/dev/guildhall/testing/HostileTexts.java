package dev.guildhall.testing;

import java.util.List;
import java.util.Random;

/**
 * Random and hostile command texts for fuzzing, reproducible from a seed: unicode from every plane, very long
 * strings, control characters, SQL, Block Kit and markdown injection, unbalanced quotes, mentions, and real
 * subcommands followed by junk (so the fuzz reaches past the first word).
 */
public final class HostileTexts {
    private static final List<String> WORDS = List.of("add", "list", "create", "announce", "join", "leave", "lead",
            "start", "stop", "end", "pause", "resume", "done", "cancel", "meetup", "talk", "syllabus", "capacity",
            "members", "remind", "ask", "up", "help", "kubernetes", "k8s", "--capacity", "--every", "--at", "here");
    private static final List<String> NASTY = List.of(
            "'; DROP TABLE person; --", "\" OR 1=1 --", "1); DELETE FROM ticket; --", "%' OR '%'='",
            "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"pwned\"}}]", "<!channel>", "<!here>",
            "<@U0ADMIN>", "<#C0GENERAL|general>", "<https://evil.example|click>", "*bold* _it_ ~s~ `code` ```block```",
            "> quote", "&lt;&gt;&amp;", "\"unterminated", "'single", "\u201ccurly\u201d", "\u201chalf", "\\", "\\\"",
            "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "%s%s%s%n", "\u202Eevil\u202C", "\u200B\u200D\uFEFF",
            "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD", "\uD800", "\uDFFF", "\u0000", "\r\n", "\t", "\u0007\u001B[31m",
            "Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o", "\u0645\u0631\u062D\u0628\u0627", "\u65E5\u672C\u8A9E",
            "-1", "0", "99999999999999999999", "1e309", "NaN", "null", "undefined", "25h", "-25h", "0s", "9999999d");

    private final Random random;

    public HostileTexts(long seed) {
        this.random = new Random(seed);
    }

    public String next(int i) {
        if (i % 1_000 == 999) {
            return hugeString(100_000);
        }
        int parts = 1 + random.nextInt(5);
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < parts; p++) {
            if (p > 0 && random.nextInt(4) > 0) {
                text.append(' ');
            }
            text.append(switch (random.nextInt(6)) {
                case 0, 1 -> WORDS.get(random.nextInt(WORDS.size()));
                case 2, 3 -> NASTY.get(random.nextInt(NASTY.size()));
                case 4 -> randomUnicode(1 + random.nextInt(30));
                default -> controlCharacters(1 + random.nextInt(5));
            });
        }
        return text.toString();
    }

    private String hugeString(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(random.nextBoolean() ? "\uD83D\uDE00" : "x'\"*");
        }
        return text.toString();
    }

    private String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(3) == 0 ? random.nextInt(0x80) : random.nextInt(0x10FFFF);
            if (Character.isValidCodePoint(codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private String controlCharacters(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(0x20));
        }
        return text.toString();
    }
}
