package ai.mnemo.lm.testing;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.train.TrainingBatch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The batch of the PyTorch reference fixture: its input ids, and its loss mask turned into scored positions. */
public final class ReferenceBatch {

    private ReferenceBatch() {}

    public static TrainingBatch of(JsonNode expected, NDManager scope) {
        JsonNode ids = expected.get("input_ids");
        JsonNode mask = expected.get("loss_mask");
        int b = ids.size();
        int t = ids.get(0).size();
        long[][] tokens = new long[b][t];
        int first = t;
        for (int r = 0; r < b; r++) {
            for (int i = 0; i < t; i++) {
                tokens[r][i] = ids.get(r).get(i).asLong();
                if (mask.get(r).get(i).asDouble() > 0) {
                    first = Math.min(first, i);
                }
            }
        }
        List<Long> positions = new ArrayList<>();
        List<Long> targets = new ArrayList<>();
        for (int r = 0; r < b; r++) {
            for (int i = first; i < t; i++) {
                if (mask.get(r).get(i).asDouble() > 0) {
                    positions.add((long) r * (t - first) + i - first); // position i is scored against token i + 1
                    targets.add(ids.get(r).get(i + 1).asLong());
                }
            }
        }
        return new TrainingBatch(scope.create(tokens), 0, first, scope.create(toArray(positions)),
                scope.create(toArray(targets)), (long) b * t);
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
