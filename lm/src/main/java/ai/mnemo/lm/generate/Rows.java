package ai.mnemo.lm.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;

/** The host-side bookkeeping of one generation batch: left padding, tokens decoded so far, finished rows. */
final class Rows {

    final int[] padding;
    final int promptLength;
    private final List<int[]> prompts;
    private final int[][] stream; // every token decoded per row, EOS and anything after it included
    private final int[] produced; // tokens before EOS
    private final boolean[] finished;
    private final int eos;
    private int steps;

    Rows(List<int[]> prompts, int maxNewTokens, int eos) {
        this.prompts = prompts;
        this.eos = eos;
        this.promptLength = prompts.stream().mapToInt(p -> p.length).max().orElse(0);
        this.padding = prompts.stream().mapToInt(p -> promptLength - p.length).toArray();
        this.stream = new int[prompts.size()][maxNewTokens];
        this.produced = new int[prompts.size()];
        this.finished = new boolean[prompts.size()];
    }

    /** (B, promptLength) prompts, left-padded (padding is masked out, its id does not matter). */
    NDArray leftPadded(NDManager manager) {
        return leftPaddedWithGenerated(manager, 0);
    }

    /** Prompts followed by the first {@code count} decoded tokens of every row. */
    NDArray leftPaddedWithGenerated(NDManager manager, int count) {
        int length = promptLength + count;
        long[] ids = new long[prompts.size() * length];
        Arrays.fill(ids, eos);
        for (int b = 0; b < prompts.size(); b++) {
            int[] prompt = prompts.get(b);
            for (int i = 0; i < prompt.length; i++) {
                ids[b * length + padding[b] + i] = prompt[i];
            }
            for (int i = 0; i < count; i++) {
                ids[b * length + promptLength + i] = stream[b][i];
            }
        }
        return manager.create(ids, new Shape(prompts.size(), length));
    }

    /** Records the next token of every row; returns whether any row has not produced EOS yet. */
    boolean accept(long[] next) {
        boolean anyOpen = false;
        for (int b = 0; b < next.length; b++) {
            int token = Math.toIntExact(next[b]);
            stream[b][steps] = token;
            if (!finished[b]) {
                if (token == eos) {
                    finished[b] = true;
                } else {
                    produced[b]++;
                }
            }
            anyOpen |= !finished[b];
        }
        steps++;
        return anyOpen;
    }

    int[][] outputs() {
        int[][] out = new int[produced.length][];
        for (int b = 0; b < produced.length; b++) {
            out[b] = Arrays.copyOf(stream[b], produced[b]);
        }
        return out;
    }
}
