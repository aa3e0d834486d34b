package ai.mnemo.datasets.replay;

import ai.mnemo.datasets.PreparedRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The replay baseline: a later stage re-trains on a share of D_A's facts. The rows are labelled
 * {@link PreparedRow#REPLAY}, so they are never scored as the later stage's own facts and a report can tell a
 * replay run from the methods that never see D_A again.
 */
public final class Replay {

    public static final String ID_PREFIX = "replay-";

    private Replay() {
    }

    /** {@code round(fraction x |D_A|)}, at most |D_A|. */
    public static int count(double fraction, int stageZeroFacts) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("replay fraction must be in (0, 1] (was " + fraction + ")");
        }
        return (int) Math.min(stageZeroFacts, Math.round(fraction * stageZeroFacts));
    }

    /**
     * Samples {@link #count} of stage 0's fact rows without replacement (a partial Fisher-Yates over their indices),
     * in the order drawn. {@code fact-12} comes back as {@code replay-12}.
     */
    public static List<PreparedRow> sample(List<PreparedRow> stageZeroFacts, double fraction, Random random) {
        int count = count(fraction, stageZeroFacts.size());
        int[] order = new int[stageZeroFacts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<PreparedRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(order.length - i);
            int picked = order[j];
            order[j] = order[i];
            order[i] = picked;
            PreparedRow fact = stageZeroFacts.get(picked);
            rows.add(new PreparedRow(ID_PREFIX + idSuffix(fact.id()), fact.user(), fact.assistant(), PreparedRow.REPLAY));
        }
        return rows;
    }

    private static String idSuffix(String factId) {
        return factId.startsWith("fact-") ? factId.substring("fact-".length()) : factId;
    }
}
