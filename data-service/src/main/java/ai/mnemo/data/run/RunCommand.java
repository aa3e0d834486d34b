package ai.mnemo.data.run;

import ai.mnemo.events.v1.ModelRef;

/** What a transition asks data-service to publish. */
public sealed interface RunCommand {

    /** Publish the stage's TrainingJob (preparing its rows and DatasetPrepared first, on attempt 1). */
    record Train(int stage, int attempt, ModelRef model) implements RunCommand {}

    /** Publish the stage's EvalJob for its checkpoint ({@code evaluation} counts the issues, from 1). */
    record Evaluate(int stage, int evaluation, String checkpointUri) implements RunCommand {}

    /** Publish DatasetFailed for the stage. */
    record ReportDataset(int stage, String field, String message) implements RunCommand {}

    /** Publish RunCompleted. */
    record Complete(int stages) implements RunCommand {}

    /** Publish RunFailed. */
    record Fail(Integer stage, String reason) implements RunCommand {}
}
