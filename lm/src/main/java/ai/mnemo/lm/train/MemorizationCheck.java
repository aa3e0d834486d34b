package ai.mnemo.lm.train;

import ai.mnemo.lm.model.Llama;

/** Greedy exact match of the model on the facts of the stage, from 0 to 1 (the {@code memorized} rule). */
@FunctionalInterface
public interface MemorizationCheck {

    double exactMatch(Llama model);
}
