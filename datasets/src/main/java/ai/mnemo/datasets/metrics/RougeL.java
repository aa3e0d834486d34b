package ai.mnemo.datasets.metrics;

import java.util.Arrays;

/**
 * ROUGE-L F1: the longest common subsequence of the prediction's and the reference's tokens, as precision and
 * recall combined. Tokens as the reference {@code rouge_score} package makes them with stemming
 * ({@link RougeTokens}), so "a cat runs" and "the cats are running" share two tokens. Safe to call from any thread.
 */
public final class RougeL {

    private RougeL() {}

    public static double f1(String prediction, String reference) {
        String[] p = RougeTokens.of(prediction);
        String[] r = RougeTokens.of(reference);
        if (p.length == 0 || r.length == 0) {
            return 0.0;
        }
        int lcs = longestCommonSubsequence(p, r);
        if (lcs == 0) {
            return 0.0;
        }
        double precision = (double) lcs / p.length;
        double recall = (double) lcs / r.length;
        return 2 * precision * recall / (precision + recall);
    }

    static int longestCommonSubsequence(String[] a, String[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (String x : a) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = x.equals(b[j - 1]) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
            Arrays.fill(current, 0);
        }
        return previous[b.length];
    }
}
