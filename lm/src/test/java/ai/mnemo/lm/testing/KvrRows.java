package ai.mnemo.lm.testing;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.lm.chat.ChatExample;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import java.util.List;

/** KVR facts in the Tulu chat format, encoded for training. */
public record KvrRows(List<Fact> facts, List<EncodedExample> rows) {

    public static KvrRows of(int count, long seed, ChatTemplate template) {
        List<Fact> facts = KvrFacts.generate(seed, count);
        return new KvrRows(facts,
                facts.stream().map(f -> template.encode(new ChatExample(f.question(), f.answer()))).toList());
    }

    public List<String> answers() {
        return facts.stream().map(Fact::answer).toList();
    }
}
