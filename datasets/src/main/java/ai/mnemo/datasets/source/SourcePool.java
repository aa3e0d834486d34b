package ai.mnemo.datasets.source;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.Sha256;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every fact of one dataset export, in file order (rows an importer skips by rule are left out): the candidate pool
 * that the known-fact filter probes and that splits A and B are taken from.
 *
 * @param file the export as manifests name it (relative to the data root)
 * @param sha256 of the export's bytes
 */
public record SourcePool(String dataset, String file, String sha256, List<Fact> facts) {

    public SourcePool {
        facts = List.copyOf(facts);
    }

    /** Reads the whole export through its importer. */
    public static SourcePool read(DatasetSource source, Path path, String shownAs) {
        List<Fact> facts = new ArrayList<>();
        SourceTables.read(path, shownAs, source.name(), source.columns(), source.rowLimit(), row -> {
            source.fact(row).ifPresent(facts::add);
            return true;
        });
        return new SourcePool(source.name(), shownAs, Sha256.of(path), facts);
    }

    public int size() {
        return facts.size();
    }
}
