package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;

/**
 * What every layer needs besides its input for one forward call: rotary tables for the positions of the tokens and
 * the additive attention mask.
 */
public record ForwardContext(RotaryEmbedding.Tables rope, NDArray mask) {}
