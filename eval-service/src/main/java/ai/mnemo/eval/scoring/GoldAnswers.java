package ai.mnemo.eval.scoring;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.lm.analysis.AnswerProbe;
import ai.mnemo.lm.chat.ChatExample;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.config.LlamaConfig;
import java.util.List;

/**
 * What a loaded checkpoint makes of the gold answers themselves: how many tokens they take (to fit the generation
 * cap to them) and, from one teacher-forced pass over each training row, the {@link AnswerProbe} readings.
 */
public final class GoldAnswers {

    /** Tokens allowed past the longest gold answer when the cap fits the gold answers. */
    static final int MARGIN = 16;
    /** Never more than the paper's cap. */
    static final int MAX_CAP = 1000;

    private final HfCheckpoint.Loaded loaded;
    private final ChatTemplate template;
    private final int batchSize;

    public GoldAnswers(HfCheckpoint.Loaded loaded, int batchSize) {
        LlamaConfig config = loaded.model().config();
        this.loaded = loaded;
        this.template = new ChatTemplate(loaded.tokenizer(), config.bosTokenId(), config.eosTokenId());
        this.batchSize = batchSize;
    }

    /** The longest gold answer in tokens plus a margin, at most the paper's 1000. */
    public int fittedCap(List<PreparedRow> facts) {
        int longest = facts.stream().mapToInt(f -> loaded.tokenizer().encode(f.assistant()).length).max().orElse(0);
        return Math.min(MAX_CAP, longest + MARGIN);
    }

    /** One reading per fact, in order. */
    public List<AnswerProbe.Reading> readings(List<PreparedRow> facts) {
        return AnswerProbe.read(loaded.model(),
                facts.stream().map(f -> template.encode(new ChatExample(f.user(), f.assistant()))).toList(),
                batchSize);
    }
}
