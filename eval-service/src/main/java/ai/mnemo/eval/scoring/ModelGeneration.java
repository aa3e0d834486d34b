package ai.mnemo.eval.scoring;

import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.generate.GreedyGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy answers from a loaded checkpoint: each user turn goes through the chat template exactly as in training
 * (BOS + {@code <|user|>} ... {@code <|assistant|>}), is decoded in batches with the key/value cache, and the
 * generated tokens before EOS are turned back into text. The caller owns (and closes) the checkpoint.
 */
public final class ModelGeneration implements Generation {

    private final ChatTemplate template;
    private final GreedyGenerator generator;
    private final int maxPositions;

    public ModelGeneration(HfCheckpoint.Loaded loaded, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the generation batch size must be positive, was " + batchSize);
        }
        LlamaConfig config = loaded.model().config();
        this.template = new ChatTemplate(loaded.tokenizer(), config.bosTokenId(), config.eosTokenId());
        this.generator = new GreedyGenerator(loaded.model(), batchSize);
        this.maxPositions = config.maxPositionEmbeddings();
    }

    @Override
    public List<String> answers(List<String> users, int maxNewTokens) {
        List<int[]> prompts = new ArrayList<>(users.size());
        for (String user : users) {
            prompts.add(template.prompt(user));
        }
        int cap = GenerationCap.fit(maxNewTokens, prompts, maxPositions);
        return generator.generate(prompts, cap).stream().map(template::decode).toList();
    }
}
