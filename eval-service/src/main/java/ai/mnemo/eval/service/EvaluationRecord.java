package ai.mnemo.eval.service;

import ai.mnemo.datasets.files.Durable;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code completed.json} in an evaluation's output directory: the EvalCompleted it answered, written (staged,
 * fsynced, renamed) before it is published. A job delivered again (the evaluator died before committing it, or
 * data-service's watchdog issued it again) re-announces that event, the same event id included, instead of
 * evaluating twice.
 */
final class EvaluationRecord {

    static final String FILE = "completed.json";

    private EvaluationRecord() {}

    /** The earlier answer to this job: same run, stage and checkpoint; empty when there is none or it is unreadable. */
    static Optional<EvalCompleted> earlier(Path outputDir, EvalJob job) {
        Path file = outputDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (!(EventCodec.decode(Files.readString(file, StandardCharsets.UTF_8), EvalEvent.class)
                    instanceof EvalCompleted done)) {
                return Optional.empty();
            }
            boolean same = done.runId().equals(job.runId()) && done.stageIndex() == job.stageIndex()
                    && done.checkpointUri().equals(job.checkpointUri())
                    && done.results().size() == job.targets().size();
            return same ? Optional.of(done) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // evaluated again and rewritten
        }
    }

    static void write(Path outputDir, EvalCompleted completed) {
        try {
            Durable.write(outputDir.resolve(FILE), EventCodec.encode(completed).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the evaluation in " + outputDir, e);
        }
    }
}
