package ai.mnemo.cli.bench;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The PyTorch peer's training workload, token for token in shape: {@code BOS + bytes("The value of key {k} is?")
 * + bytes(value) + EOS}, no chat template, the loss on the answer. (The peer scores the 8 value bytes; Mnemo's
 * loop also scores EOS, one position more per row, which does not change the cost measurably.)
 */
final class PeerWorkload {

    private PeerWorkload() {}

    static List<EncodedExample> rows(int facts, long seed) {
        List<EncodedExample> rows = new ArrayList<>();
        for (Fact fact : KvrFacts.generate(seed, facts)) {
            byte[] prompt = fact.question().getBytes(StandardCharsets.US_ASCII);
            byte[] value = fact.answer().getBytes(StandardCharsets.US_ASCII);
            int[] tokens = new int[1 + prompt.length + value.length + 1];
            tokens[0] = ByteTokenizerDefinition.BOS;
            for (int i = 0; i < prompt.length; i++) {
                tokens[1 + i] = prompt[i];
            }
            for (int i = 0; i < value.length; i++) {
                tokens[1 + prompt.length + i] = value[i];
            }
            tokens[tokens.length - 1] = ByteTokenizerDefinition.EOS;
            rows.add(new EncodedExample(tokens, 1 + prompt.length));
        }
        return rows;
    }
}
