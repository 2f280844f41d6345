package dev.guildhall.command;

import java.util.Collection;
import java.util.Optional;

/**
 * Catches a mistyped subcommand ({@code /learn bord}) before it is taken for a topic: a word one edit (or one swap
 * of neighbours) away from a subcommand.
 */
public final class NearMiss {
    private NearMiss() {
    }

    public static Optional<String> of(String word, Collection<String> subcommands) {
        if (word.length() < 3) {
            return Optional.empty();
        }
        return subcommands.stream()
                .filter(candidate -> !candidate.equals(word) && distance(word, candidate) == 1)
                .findFirst();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
