package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;

/**
 * What a layer's queries attend to beyond the keys and values of this call's own positions: the positions before
 * them, cached from earlier calls ({@link KvCache}) or shared by every row of a batch ({@link SharedPrefix}).
 */
interface KeyValues {

    /** This call's keys (B, K, T, E) of {@code layer} -> every key its queries attend to, in position order. */
    NDArray keys(int layer, NDArray fresh);

    /** As {@link #keys} for the values; called after {@link #keys} for the same layer. */
    NDArray values(int layer, NDArray fresh);
}
