package ai.mnemo.eval.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The predictions of one target on disk: JSON Lines, UTF-8, one {@link Prediction} per line. Every prediction is
 * kept (not only the score), so any result can be re-scored or inspected later. A file is written under a
 * temporary name and moved into place, so a reader never sees half of it and a re-run replaces it whole.
 */
public final class PredictionsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                for (Prediction prediction : predictions) {
                    out.write(JSON.writeValueAsString(prediction));
                    out.write('\n');
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write predictions to " + file, e);
        }
    }

    public static List<Prediction> read(Path file) {
        List<Prediction> predictions = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    predictions.add(JSON.readValue(line, Prediction.class));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a predictions file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read predictions from " + file, e);
        }
        return predictions;
    }
}
