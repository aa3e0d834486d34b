package ai.mnemo.data.preparation;

import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.datasets.mixing.GenericPassages;
import ai.mnemo.datasets.source.DatasetSources;
import ai.mnemo.datasets.source.SourceException;
import ai.mnemo.datasets.source.SourcePool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the exports a run's stages name, through the data root, and turns every problem with them into a
 * {@link DatasetUnavailableException} naming the spec field to fix ({@code stages[i].dataset.path},
 * {@code grid.methods[j].mixing.path}). The last few exports read are kept, keyed by importer, file, size and
 * modification time, because every run of a grid and every stage on the same pool reads the same file.
 */
@ApplicationScoped
public class SourceLoader {

    private static final int CACHED = 4;

    private final DataRoot root;
    private final Map<String, Object> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > CACHED;
        }
    };

    public SourceLoader(DataRoot root) {
        this.root = root;
    }

    /** Every fact of the stage's dataset export, in file order. */
    public SourcePool pool(int stageIndex, StagePlan stage) {
        String field = "stages[" + stageIndex + "].dataset.path";
        String path = stage.dataset().path();
        return load(stageIndex, field, "pool:" + stage.dataset().name(), path,
                file -> SourcePool.read(DatasetSources.named(stage.dataset().name()), file, path));
    }

    /** The generic passages the run's method mixes into stage {@code stageIndex}. */
    public GenericPassages passages(RunPlan plan, int stageIndex) {
        StagePlan stage = plan.stage(stageIndex);
        String at = "grid.methods[" + plan.methodIndex() + "].mixing";
        String path = stage.mixing().path();
        if (path == null) {
            throw new DatasetUnavailableException(stageIndex, at + ".path", "mixing source "
                    + stage.mixing().source() + " needs its export: set mixing.path to the file under the data root "
                    + root.root());
        }
        return load(stageIndex, at + ".path", "passages:" + stage.mixing().source(), path,
                file -> GenericPassages.read(DatasetSources.passages(stage.mixing().source()), file, path));
    }

    private <T> T load(int stageIndex, String field, String kind, String path, Reader<T> reader) {
        try {
            Path file = root.resolve(path);
            String key = kind + "|" + file + "|" + stamp(file);
            return cached(key, () -> reader.read(file));
        } catch (SourceException e) {
            throw new DatasetUnavailableException(stageIndex, field, e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T cached(String key, Supplier<T> read) {
        Object value = cache.get(key);
        if (value == null) {
            value = read.get();
            cache.put(key, value);
        }
        return (T) value;
    }

    private static String stamp(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis()
                    : "absent";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(Path file);
    }
}
