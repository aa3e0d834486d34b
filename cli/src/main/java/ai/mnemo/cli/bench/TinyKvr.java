package ai.mnemo.cli.bench;

import ai.djl.ndarray.NDManager;
import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.lm.chat.ChatExample;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.config.ModelPresets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tiny preset loaded from a fresh checkpoint directory, with KVR facts in the chat format. */
record TinyKvr(HfCheckpoint.Loaded loaded, ChatTemplate template, List<Fact> facts, List<EncodedExample> rows)
        implements AutoCloseable {

    static TinyKvr create(int facts, NDManager root) {
        try {
            Path dir = Files.createTempDirectory("mnemo-bench-tiny");
            Presets.write(ModelPresets.TINY, 0, dir, root);
            HfCheckpoint.Loaded loaded = HfCheckpoint.load(dir, root);
            ChatTemplate template = new ChatTemplate(loaded.tokenizer(), loaded.model().config().bosTokenId(),
                    loaded.model().config().eosTokenId());
            List<Fact> kvr = KvrFacts.generate(0, facts);
            return new TinyKvr(loaded, template, kvr,
                    kvr.stream().map(f -> template.encode(new ChatExample(f.question(), f.answer()))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<int[]> prompts() {
        return rows.stream().map(EncodedExample::prompt).toList();
    }

    List<String> answers() {
        return facts.stream().map(Fact::answer).toList();
    }

    @Override
    public void close() {
        loaded.close();
    }
}
