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
            int[] prompt = template.prompt(user);
            if (prompt.length + maxNewTokens > maxPositions) {
                throw new IllegalArgumentException("a prompt of " + prompt.length + " tokens plus " + maxNewTokens
                        + " new tokens exceeds the model's max_position_embeddings (" + maxPositions
                        + "); shorten the question or lower maxNewTokens");
            }
            prompts.add(prompt);
        }
        return generator.generate(prompts, maxNewTokens).stream().map(template::decode).toList();
    }
}
