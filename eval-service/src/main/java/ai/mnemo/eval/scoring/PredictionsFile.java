package ai.mnemo.eval.scoring;

import ai.mnemo.datasets.JsonLines;
import java.nio.file.Path;
import java.util.List;

/**
 * The predictions of one target on disk: JSON Lines, UTF-8, one {@link Prediction} per line. Every prediction is
 * kept (not only the score), so any result can be re-scored or inspected later. A file is written under a
 * temporary name and moved into place, so a reader never sees half of it and a re-run replaces it whole.
 */
public final class PredictionsFile {

    private PredictionsFile() {
    }

    /**
     * {@code stage<datasetStageIndex>-<dataset>.jsonl}, with ':' (and anything else unsafe in a file name) in the
     * dataset's name replaced by '_': {@code stage0-kvr_A.jsonl}.
     */
    public static String name(int datasetStageIndex, String dataset) {
        return "stage" + datasetStageIndex + "-" + dataset.replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl";
    }

    public static void write(Path file, List<Prediction> predictions) {
        JsonLines.write(file, predictions);
    }

    public static List<Prediction> read(Path file) {
        return JsonLines.read(file, Prediction.class);
    }
}
