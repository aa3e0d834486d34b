package ai.mnemo.trainer.service;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.lm.chat.ChatExample;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.config.SequenceLimit;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The prepared rows of one stage (data-service wrote them as {@code dataset.jsonl}), checked before any training:
 * a missing, unreadable or empty file, or a row too long for the model, fails the job by name.
 */
public record StageDataset(Path file, List<PreparedRow> rows) {

    /** Reads the rows at {@code datasetUri}, which must lie inside the artifact root. */
    public static StageDataset read(ArtifactStore store, String datasetUri) {
        Path file;
        try {
            file = store.path(datasetUri);
        } catch (IllegalArgumentException e) {
            throw new JobFailure("datasetUri " + datasetUri + " cannot be read: " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(file)) {
            throw new JobFailure("dataset file " + file + " does not exist (datasetUri " + datasetUri
                    + "); was the stage's dataset prepared under this artifact root?");
        }
        List<PreparedRow> rows;
        try {
            rows = PreparedRows.read(file);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new JobFailure("dataset file " + file + " is unreadable: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new JobFailure("dataset file " + file + " has no rows: nothing to train on");
        }
        return new StageDataset(file, List.copyOf(rows));
    }

    /** The rows evaluation scores (the stage's own facts), in file order. */
    public List<PreparedRow> facts() {
        return rows.stream().filter(PreparedRow::isFact).toList();
    }

    /**
     * Encodes rows in the chat format. data-service drops longer rows when it prepares a stage, so a longer row here
     * means the rows were prepared for another model or limit.
     *
     * @throws JobFailure naming the first row longer than {@code limit}
     */
    public static List<EncodedExample> encode(List<PreparedRow> rows, ChatTemplate template, SequenceLimit limit) {
        List<EncodedExample> encoded = new ArrayList<>(rows.size());
        for (PreparedRow row : rows) {
            EncodedExample example = template.encode(new ChatExample(row.user(), row.assistant()));
            if (example.length() > limit.tokens()) {
                throw new JobFailure("row " + row.id() + " is " + example.length() + " tokens long, over the limit of "
                        + limit.tokens() + " (" + limit.source() + "); shorten the row or raise the limit");
            }
            encoded.add(example);
        }
        return encoded;
    }
}
