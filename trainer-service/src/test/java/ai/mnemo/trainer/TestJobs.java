package ai.mnemo.trainer;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingSettings;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.nio.file.Path;
import java.util.List;

/** Jobs and prepared datasets for tests, laid out under an artifact root the way data-service lays them out. */
public final class TestJobs {

    private TestJobs() {}

    public static TrainingSettings settings(StoppingRule stopping, double learningRate, int batchSize) {
        return new TrainingSettings(learningRate, batchSize, 0.05, 0.0, 1.0, 0, 256, stopping);
    }

    public static StoppingRule fixedEpochs(int epochs) {
        return new StoppingRule(StoppingRule.FIXED_EPOCHS, epochs, 0, 0);
    }

    public static StoppingRule memorized(int maxEpochs) {
        return new StoppingRule(StoppingRule.MEMORIZED, maxEpochs, 0, 0);
    }

    /** Writes {@code count} KVR facts as the stage's prepared rows and returns the file. */
    public static Path writeKvr(ArtifactStore store, String runId, int stage, int count, long seed) {
        List<Fact> facts = KvrFacts.generate(seed, count);
        List<PreparedRow> rows = facts.stream()
                .map(f -> new PreparedRow("fact-" + f.id().substring(4), f.question(), f.answer(), PreparedRow.FACT))
                .toList();
        Path file = store.run(runId).stage(stage).dataset();
        PreparedRows.write(file, rows);
        return file;
    }

    /** A job for the tiny preset whose checkpoint goes to the stage's usual place. */
    public static TrainingJob job(ArtifactStore store, String runId, int stage, String datasetUri,
            TrainingSettings settings) {
        return TrainingJob.of("exp-" + runId, runId, stage, 1, ModelRef.preset("tiny", 0), datasetUri,
                checkpointUri(store, runId, stage), settings);
    }

    public static String checkpointUri(ArtifactStore store, String runId, int stage) {
        return store.uri(store.run(runId).stage(stage).checkpoint());
    }
}
