package dev.guildhall.command;

import dev.guildhall.core.Mentions;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits command text into words. Quotes group words: "machine learning" or 'machine learning', and the curly
 * quotes Slack and Teams clients substitute when people type straight ones. A mention token (see {@link Mentions}) is
 * one word.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int mentionEnd = Mentions.tokenEnd(text, i);
            if (mentionEnd > 0) {
                // A mention token is one word, even when the name it shows has spaces.
                tokens.add(new Token(text.substring(i, mentionEnd), false, i, mentionEnd));
                i = mentionEnd;
                continue;
            }
            char close = closingQuote(c);
            if (close != 0) {
                int end = findClosing(text, i + 1, c, close);
                if (end < 0) {
                    throw new UsageException("A quote is not closed. Put the words in a pair of quotes, like \"machine learning\".");
                }
                tokens.add(new Token(text.substring(i + 1, end), true, i, end + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), false, start, i));
            }
        }
        return tokens;
    }

    private static int findClosing(String text, int from, char open, char close) {
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == close || (open == '"' && c == '"') || (open == '\'' && c == '\'')) {
                return j;
            }
        }
        return -1;
    }

    private static char closingQuote(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\'' -> '\'';
            case '\u201C', '\u201E' -> '\u201D';
            case '\u2018' -> '\u2019';
            default -> 0;
        };
    }
}
