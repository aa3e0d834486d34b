package ai.mnemo.data.preparation;

import ai.mnemo.events.v1.DatasetManifest;

/**
 * A stage's rows, written: where they are and what they are made of.
 *
 * @param dataset the stage's dataset label, e.g. {@code kvr:A}
 * @param uri the {@code file:} URI of {@code dataset.jsonl}
 */
public record PreparedDataset(int stageIndex, String dataset, String uri, DatasetManifest manifest) {
}
