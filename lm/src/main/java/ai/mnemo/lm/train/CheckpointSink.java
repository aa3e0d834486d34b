package ai.mnemo.lm.train;

import ai.mnemo.lm.model.Llama;

/** Where the loop hands a resumable checkpoint: the weights, the optimizer and the loop's state. */
@FunctionalInterface
public interface CheckpointSink {

    CheckpointSink NONE = (model, optimizer, state) -> {};

    void save(Llama model, AdamW optimizer, TrainingState state);
}
