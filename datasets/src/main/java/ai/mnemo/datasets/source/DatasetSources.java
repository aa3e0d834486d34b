package ai.mnemo.datasets.source;

import ai.mnemo.datasets.source.hf.Apps;
import ai.mnemo.datasets.source.hf.EntityQuestions;
import ai.mnemo.datasets.source.hf.EvolCode;
import ai.mnemo.datasets.source.hf.Gsm8k;
import ai.mnemo.datasets.source.hf.Lama;
import ai.mnemo.datasets.source.hf.MathProblems;
import ai.mnemo.datasets.source.hf.PassageColumn;
import ai.mnemo.datasets.source.hf.Passages;
import ai.mnemo.datasets.source.hf.PopQa;
import ai.mnemo.datasets.source.hf.TriviaQa;
import ai.mnemo.datasets.source.hf.UltraChat;
import ai.mnemo.datasets.source.hf.WebQa;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every importer by the name a spec uses; KVR is not here because it is generated, not imported. */
public final class DatasetSources {

    private static final Map<String, DatasetSource> BY_NAME = new LinkedHashMap<>();

    static {
        for (DatasetSource source : List.of(new PopQa(), new TriviaQa(), new EntityQuestions(), new Lama(),
                new WebQa(), new UltraChat(), new EvolCode(), new Apps(), new Gsm8k(), new MathProblems(), new Passages())) {
            BY_NAME.put(source.name(), source);
        }
    }

    private DatasetSources() {
    }

    /** @throws SourceException for a name no importer has */
    public static DatasetSource named(String name) {
        DatasetSource source = BY_NAME.get(name);
        if (source == null) {
            throw new SourceException("unknown dataset " + name + " (known: kvr, " + String.join(", ", BY_NAME.keySet())
                    + ")");
        }
        return source;
    }

    /** @throws SourceException for a mixing source that is not generic text */
    public static PassageColumn passages(String source) {
        return PassageColumn.ALL.stream().filter(p -> p.source().equals(source)).findFirst()
                .orElseThrow(() -> new SourceException("unknown generic-text mixing source " + source
                        + " (known: knowledge-pile, arxiv-pile, fineweb; random-words needs no file)"));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
