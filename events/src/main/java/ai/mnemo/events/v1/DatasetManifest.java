package ai.mnemo.events.v1;

import java.util.List;

/**
 * What a prepared dataset is made of, so a result can be traced to its exact inputs: the source files with their
 * hashes, the seed of every random choice, row counts and a hash of the rows themselves.
 *
 * @param dataset the stage's dataset, e.g. {@code kvr:A}
 * @param probe the known-fact filter's counts; absent when the dataset was not filtered
 */
public record DatasetManifest(
        String dataset,
        long seed,
        List<SourceFile> sources,
        Counts counts,
        String contentSha256,
        ProbeCounts probe) {

    public DatasetManifest {
        Require.present(dataset, "dataset");
        sources = Require.list(sources, "sources");
        Require.present(counts, "counts");
        Require.present(contentSha256, "contentSha256");
    }

    /** One input file, relative to the data root, and its SHA-256. */
    public record SourceFile(String path, String sha256) {

        public SourceFile {
            Require.present(path, "path");
            Require.present(sha256, "sha256");
        }
    }

    /**
     * Rows by origin: the stage's facts, mixed-in sequences, replayed D_A facts, and their sum; {@code dropped}
     * rows were longer than the stage's sequence limit in the model's tokens and left out (absent from older
     * producers).
     */
    public record Counts(int facts, int mixing, int replay, int total, Integer dropped) {

        public Counts(int facts, int mixing, int replay, int total) {
            this(facts, mixing, replay, total, null);
        }
    }

    /** The known-fact filter: candidates probed, those the base model already knew (dropped), and the rest. */
    public record ProbeCounts(int candidates, int known, int unknown) {
    }
}
