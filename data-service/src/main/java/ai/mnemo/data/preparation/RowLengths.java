package ai.mnemo.data.preparation;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.lm.chat.ChatExample;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.config.SequenceLimit;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Measures prepared rows the way the trainer will see them: in the base model's tokens, through the chat template
 * (BOS + prompt + answer + EOS). A stage keeps only the rows within its sequence limit, as the released code skips
 * longer rows, so no stage fails in the trainer after earlier stages have trained.
 */
@ApplicationScoped
public class RowLengths {

    private final ArtifactStore store;

    public RowLengths(ArtifactStore store) {
        this.store = store;
    }

    /** The rows of {@code rows} that fit, in order; the others are dropped. */
    public Fitted fit(ModelRef model, int maxSequenceLength, List<PreparedRow> rows) {
        try (Measure measure = measure(model)) {
            SequenceLimit limit = SequenceLimit.of(maxSequenceLength, measure.config());
            Predicate<PreparedRow> fits = row -> measure.template()
                    .encode(new ChatExample(row.user(), row.assistant())).length() <= limit.tokens();
            List<PreparedRow> kept = rows.stream().filter(fits).toList();
            return new Fitted(kept, rows.size() - kept.size(), limit);
        }
    }

    /** The rows that fit, how many did not, and the limit they were measured against. */
    public record Fitted(List<PreparedRow> rows, int dropped, SequenceLimit limit) {}

    private record Measure(LlamaConfig config, TextTokenizer tokenizer, ChatTemplate template)
            implements AutoCloseable {
        @Override
        public void close() {
            tokenizer.close();
        }
    }

    /** The base model's config and tokenizer: a preset's own, or the files of a checkpoint directory. */
    private Measure measure(ModelRef model) {
        LlamaConfig config;
        TextTokenizer tokenizer;
        if (model.preset() != null) {
            config = ModelPresets.named(model.preset());
            tokenizer = byteTokenizer();
        } else {
            Path dir = store.model(model.uri());
            config = LlamaConfig.read(dir.resolve("config.json"));
            tokenizer = TextTokenizer.load(dir);
        }
        return new Measure(config, tokenizer, new ChatTemplate(tokenizer, config.bosTokenId(), config.eosTokenId()));
    }

    /** Presets use Mnemo's byte tokenizer, which exists only as a file to load. */
    private static TextTokenizer byteTokenizer() {
        try {
            Path file = Files.createTempFile("mnemo-byte-tokenizer", ".json");
            try {
                ByteTokenizerDefinition.write(file);
                return TextTokenizer.load(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the byte tokenizer's definition", e);
        }
    }
}
