package ai.mnemo.eval.scoring;

import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.generate.GreedyGenerator;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy continuations of plain text, without the chat template: BOS + the prompt's tokens, decoded in batches with
 * the key/value cache until EOS or the cap. This is how a base model is probed (it was never tuned on a chat
 * format); checkpoints trained by Mnemo are evaluated through {@link ModelGeneration} instead.
 */
public final class TextGeneration implements Generation {

    private final TextTokenizer tokenizer;
    private final GreedyGenerator generator;
    private final int bos;
    private final int maxPositions;

    public TextGeneration(HfCheckpoint.Loaded loaded, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the generation batch size must be positive, was " + batchSize);
        }
        LlamaConfig config = loaded.model().config();
        this.tokenizer = loaded.tokenizer();
        this.generator = new GreedyGenerator(loaded.model(), batchSize);
        this.bos = config.bosTokenId();
        this.maxPositions = config.maxPositionEmbeddings();
    }

    @Override
    public List<String> answers(List<String> prompts, int maxNewTokens) {
        List<int[]> encoded = new ArrayList<>(prompts.size());
        for (String prompt : prompts) {
            int[] text = tokenizer.encode(prompt);
            int[] ids = new int[text.length + 1];
            ids[0] = bos;
            System.arraycopy(text, 0, ids, 1, text.length);
            encoded.add(ids);
        }
        int cap = GenerationCap.fit(maxNewTokens, encoded, maxPositions);
        return generator.generate(encoded, cap).stream().map(tokenizer::decode).toList();
    }
}
